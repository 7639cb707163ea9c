import jinja2
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from flask import Flask, render_template_string, request
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from string import Template

app = Flask(__name__)


def environments():
    # ruleid: py.xss.jinja2-autoescape-disabled
    env1 = Environment(loader=FileSystemLoader("templates"))
    # ruleid: py.xss.jinja2-autoescape-disabled
    env2 = jinja2.Environment(loader=FileSystemLoader("templates"), autoescape=False)
    # ok: py.xss.jinja2-autoescape-disabled
    env3 = Environment(loader=FileSystemLoader("templates"), autoescape=select_autoescape(["html"]))
    # ok: py.xss.jinja2-autoescape-disabled
    env4 = jinja2.Environment(autoescape=True)
    return env1, env2, env3, env4


@app.route("/hello")
def hello():
    name = request.args.get("name", "")
    # ruleid: py.xss.markup-non-literal
    banner = Markup(f"<h1>Hello {name}</h1>")
    # ruleid: py.xss.markup-non-literal
    comment = Markup(request.form["comment"])
    # ok: py.xss.markup-non-literal
    safe_banner = Markup("<h1>Hello %s</h1>") % name
    # ok: py.xss.markup-non-literal
    safe_fmt = Markup("<h1>Hello {}</h1>").format(name)
    # ok: py.xss.markup-non-literal
    icon = Markup("<i class='icon'></i>")
    return banner + comment + safe_banner + safe_fmt + icon


def django_widgets(user_bio, title):
    # ruleid: py.xss.django-mark-safe
    bio = mark_safe(user_bio)
    # ruleid: py.xss.django-mark-safe
    heading = mark_safe("<h2>%s</h2>" % title)
    # ok: py.xss.django-mark-safe
    safe_heading = format_html("<h2>{}</h2>", title)
    # ok: py.xss.django-mark-safe
    br = mark_safe("<br>")
    # ok: py.xss.django-mark-safe
    escaped = mark_safe(escape(user_bio))
    return bio, heading, safe_heading, br, escaped


def django_format(title):
    # ruleid: py.xss.django-format-html-prebuilt
    a = format_html(f"<h2>{title}</h2>")
    # ok: py.xss.django-format-html-prebuilt
    b = format_html("<h2>{}</h2>", title)
    return a, b


@app.route("/greet")
def greet():
    name = request.args.get("name", "")
    # ruleid: py.ssti.template-from-non-constant
    page = render_template_string(f"<p>Hello {name}</p>")
    template = "<p>Welcome %s</p>" % name
    # ruleid: py.ssti.template-from-non-constant
    page2 = render_template_string(template)
    # ruleid: py.ssti.template-from-non-constant
    page3 = jinja2.Template("Hi " + name).render()
    # ok: py.ssti.template-from-non-constant
    safe = render_template_string("<p>Hello {{ name }}</p>", name=name)
    # ok: py.ssti.template-from-non-constant
    safe2 = jinja2.Template("Hi {{ name }}").render(name=name)
    # ok: py.ssti.template-from-non-constant
    greeting = Template(f"Hello {name}, $place").substitute(place="home")
    return page + page2 + page3 + safe + safe2 + greeting
