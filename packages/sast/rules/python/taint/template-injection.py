from flask import render_template, render_template_string, request


@app.route("/hello")
def hello():
    name = request.args.get("name", "")
    # ruleid: py.taint.template-injection
    page = render_template_string("<h1>Hello " + name + "</h1>")
    # ok: py.taint.template-injection
    other = render_template_string("<h1>Hello {{ name }}</h1>", name=name)
    # ok: py.taint.template-injection
    third = render_template("hello.html", name=name)
    return page + other + third
