from django.http import HttpResponseRedirect
from django.shortcuts import redirect as dj_redirect
from django.utils.http import url_has_allowed_host_and_scheme
from flask import Flask, redirect, request, url_for

app = Flask(__name__)


@app.route("/login", methods=["POST"])
def login():
    # ruleid: py.open-redirect.request-parameter
    return redirect(request.args.get("next"))


@app.route("/logout")
def logout():
    target = request.args.get("return_to") or "/"
    # ruleid: py.open-redirect.request-parameter
    return redirect(target)


@app.route("/go")
def go():
    # ruleid: py.open-redirect.request-parameter
    return redirect(request.form["url"], code=302)


@app.route("/home")
def home():
    # ok: py.open-redirect.request-parameter
    return redirect(url_for("index", tab=request.args.get("tab")))


def django_view(request):
    # ruleid: py.open-redirect.request-parameter
    return HttpResponseRedirect(request.GET.get("next", "/"))


def django_safe_view(request):
    next_url = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "/"
    # ok: py.open-redirect.request-parameter
    return HttpResponseRedirect(next_url)


def django_named(request):
    # ok: py.open-redirect.request-parameter
    return dj_redirect("profile")
