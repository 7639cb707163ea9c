import ast
import json
from flask import request


@app.post("/calc")
def calc():
    expr = request.form["expr"]
    # ruleid: py.taint.code-injection
    value = eval(expr)
    # ruleid: py.taint.code-injection
    exec("result = " + request.args.get("code"))
    # ok: py.taint.code-injection
    data = ast.literal_eval(expr)
    # ok: py.taint.code-injection
    other = json.loads(expr)
    # ok: py.taint.code-injection
    total = eval("1 + 2")
    # ok: py.taint.code-injection
    count = eval(str(int(expr)) + " * 2")
    return str((value, data, other, total, count))
