import sqlite3

import pandas as pd
import sqlalchemy
from django.db import connection
from django.db.models.expressions import RawSQL
from sqlalchemy import text

from .models import Person

TABLE = "users"


def find_user(conn: sqlite3.Connection, username, user_id):
    cur = conn.cursor()
    # ruleid: py.sql-injection.execute-string-building
    cur.execute(f"SELECT * FROM users WHERE name = '{username}'")
    # ruleid: py.sql-injection.execute-string-building
    cur.execute("SELECT * FROM users WHERE id = %s" % user_id)
    # ruleid: py.sql-injection.execute-string-building
    cur.execute("DELETE FROM users WHERE name = '" + username + "'")
    # ruleid: py.sql-injection.execute-string-building
    cur.executemany("INSERT INTO log VALUES ('{}', ?)".format(username), [(1,), (2,)])
    # ok: py.sql-injection.execute-string-building
    cur.execute("SELECT * FROM users WHERE name = ?", (username,))
    # ok: py.sql-injection.execute-string-building
    cur.execute("SELECT * FROM users WHERE id = %(id)s", {"id": user_id})
    # ok: py.sql-injection.execute-string-building
    cur.execute("SELECT count(*) FROM " + TABLE)
    # ok: py.sql-injection.execute-string-building
    cur.execute(f"SELECT max(id) FROM {TABLE}")
    return cur.fetchall()


def search(term, order):
    query = "SELECT id, title FROM posts WHERE title LIKE '%" + term + "%'"
    with connection.cursor() as cursor:
        # ruleid: py.sql-injection.execute-string-building
        cursor.execute(query)
        rows = cursor.fetchall()
    sql = "SELECT id FROM posts WHERE 1=1"
    sql += " ORDER BY " + order
    # ruleid: py.sql-injection.execute-string-building
    frame = pd.read_sql(sql, connection)
    return rows, frame


def search_safe(term):
    query = "SELECT id, title FROM posts WHERE title LIKE %s"
    with connection.cursor() as cursor:
        # ok: py.sql-injection.execute-string-building
        cursor.execute(query, ["%" + term + "%"])
        return cursor.fetchall()


def by_email(session, email, engine):
    # ruleid: py.sql-injection.sqlalchemy-text
    stmt = text(f"SELECT * FROM accounts WHERE email = '{email}'")
    # ruleid: py.sql-injection.sqlalchemy-text
    other = sqlalchemy.text("SELECT * FROM accounts WHERE email = '%s'" % email)
    # ok: py.sql-injection.sqlalchemy-text
    safe = text("SELECT * FROM accounts WHERE email = :email").bindparams(email=email)
    return session.execute(stmt), engine.execute(other), session.execute(safe)


def people(last_name, column):
    # ruleid: py.sql-injection.django-raw
    a = Person.objects.raw(f"SELECT * FROM app_person WHERE last_name = '{last_name}'")
    # ruleid: py.sql-injection.django-raw
    b = Person.objects.annotate(val=RawSQL("SELECT %s FROM app_person" % column, ()))
    # ok: py.sql-injection.django-raw
    c = Person.objects.raw("SELECT * FROM app_person WHERE last_name = %s", [last_name])
    # ok: py.sql-injection.django-raw
    d = Person.objects.annotate(val=RawSQL("SELECT col FROM other WHERE id = %s", (last_name,)))
    return a, b, c, d


def headlines(title):
    # ruleid: py.sql-injection.django-extra
    a = Person.objects.extra(where=[f"name = '{title}'"])
    # ruleid: py.sql-injection.django-extra
    b = Person.objects.extra(select={"is_recent": "pub_date > '%s'" % title})
    # ok: py.sql-injection.django-extra
    c = Person.objects.extra(where=["name = %s"], params=[title])
    return a, b, c


def built_in_helper(cur, name):
    # Known gap: the query is built in another function (the taint rules cover flows across calls).
    # todoruleid: py.sql-injection.execute-string-building
    cur.execute(make_query(name))


def make_query(name):
    return f"SELECT * FROM users WHERE name = '{name}'"
