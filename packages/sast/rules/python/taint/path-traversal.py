import os
from flask import request, send_file, send_from_directory
from werkzeug.utils import secure_filename

BASE = "/srv/files"


@app.route("/read")
def read():
    name = request.args.get("name")
    # ruleid: py.taint.path-traversal
    with open(os.path.join(BASE, name)) as fh:
        data = fh.read()
    # ruleid: py.taint.path-traversal
    send_file("/srv/files/" + name)
    # ok: py.taint.path-traversal
    send_from_directory(BASE, name)
    # ok: py.taint.path-traversal
    open(os.path.join(BASE, secure_filename(name))).read()
    # ok: py.taint.path-traversal
    open(os.path.join(BASE, os.path.basename(name))).read()
    # ok: py.taint.path-traversal
    open("/etc/app.conf").read()
    full = os.path.realpath(os.path.join(BASE, name))
    if not full.startswith(BASE + os.sep):
        return "forbidden", 403
    # ok: py.taint.path-traversal
    return open(full).read() + data
