import sqlite3
from django.http import HttpResponse
from flask import request


@app.route("/user")
def user():
    uid = request.args["id"]
    conn = sqlite3.connect("app.db")
    cur = conn.cursor()
    # ruleid: py.taint.sql-injection
    cur.execute("SELECT * FROM users WHERE id = '%s'" % uid)
    # ruleid: py.taint.sql-injection
    cur.execute(f"SELECT * FROM users WHERE name = '{request.args.get('name')}'")
    # ok: py.taint.sql-injection
    cur.execute("SELECT * FROM users WHERE id = ?", (uid,))
    # ok: py.taint.sql-injection
    cur.execute("SELECT * FROM users WHERE id = %d" % int(uid))
    # ok: py.taint.sql-injection
    cur.execute("SELECT count(*) FROM users")
    return str(cur.fetchall())


def search(request):
    term = request.GET.get("q", "")
    query = "SELECT * FROM app_item WHERE name LIKE '%" + term + "%'"
    # ruleid: py.taint.sql-injection
    items = Item.objects.raw(query)
    # ok: py.taint.sql-injection
    safe = Item.objects.raw("SELECT * FROM app_item WHERE name = %s", [term])
    return HttpResponse(len(list(items)) + len(list(safe)))


@router.get("/items/{item_id}")
def read_item(item_id: str, q: str = "", db: Session = Depends(get_db)):
    # ruleid: py.taint.sql-injection
    db.execute(text("SELECT * FROM items WHERE id = " + item_id))
    # ok: py.taint.sql-injection
    db.execute(text("SELECT * FROM items WHERE id = :id"), {"id": item_id})
    return q


def helper(item_id):
    # ok: py.taint.sql-injection
    db.execute("SELECT * FROM items WHERE id = " + item_id)
