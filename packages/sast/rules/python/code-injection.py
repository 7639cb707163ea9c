import ast
import re
from flask import request


def calculate():
    expr = request.args.get("expr")
    # ruleid: py.code-injection.eval
    result = eval(expr)
    # ruleid: py.code-injection.eval
    value = eval(f"{expr} * 2", {"__builtins__": {}})
    # ok: py.code-injection.eval
    parsed = ast.literal_eval(expr)
    # ok: py.code-injection.eval
    constant = eval("2 ** 10")
    return result, value, parsed, constant


def run_plugin(source, name):
    # ruleid: py.code-injection.exec
    exec(source)
    # ruleid: py.code-injection.exec
    code = compile("result = " + source, "<plugin>", "exec")
    # ok: py.code-injection.exec
    exec("import json")
    # ok: py.code-injection.exec
    pattern = re.compile(name)
    return code, pattern


def constant_source():
    snippet = "print('hello')"
    # ok: py.code-injection.exec
    exec(snippet)
    formula = "2 * 21"
    # ok: py.code-injection.eval
    return eval(formula)
