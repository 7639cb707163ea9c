from flask import redirect, request, url_for
from django.http import HttpResponseRedirect


@app.route("/login")
def login():
    target = request.args.get("next")
    if target in SAFE_TARGETS:
        # ok: py.taint.open-redirect
        return redirect(target)
    # ok: py.taint.open-redirect
    redirect(url_for("profile", tab=target))
    # ok: py.taint.open-redirect
    redirect("/home")
    # ruleid: py.taint.open-redirect
    return redirect(target or "/")


def go(request):
    # ruleid: py.taint.open-redirect
    return HttpResponseRedirect(request.GET["to"])
