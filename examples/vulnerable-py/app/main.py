# A deliberately vulnerable Flask app. Lines after `planted:` comments must be reported by `rampart scan`;
# lines after `safe:` comments are the fixed variants and must not be. Do not deploy.
import hashlib
import os
import secrets
import sqlite3
import subprocess

import requests
import yaml
from flask import Flask, redirect, request

app = Flask(__name__)
DB = sqlite3.connect("shop.db", check_same_thread=False)


@app.route("/ping")
def ping():
    host = request.args.get("host", "")
    # planted: command-injection
    return subprocess.check_output("ping -c 1 " + host, shell=True)


@app.route("/ping-safe")
def ping_safe():
    host = request.args.get("host", "")
    # safe: command-injection
    return subprocess.check_output(["ping", "-c", "1", host])


@app.route("/products")
def products():
    name = request.args.get("name", "")
    cur = DB.cursor()
    # planted: sql-injection
    cur.execute(f"SELECT * FROM products WHERE name = '{name}'")
    return {"rows": cur.fetchall()}


@app.route("/products-safe")
def products_safe():
    name = request.args.get("name", "")
    cur = DB.cursor()
    # safe: sql-injection
    cur.execute("SELECT * FROM products WHERE name = ?", (name,))
    return {"rows": cur.fetchall()}


@app.route("/files")
def files():
    name = request.args.get("name", "")
    # planted: path-traversal
    with open(os.path.join("public", name)) as f:
        return f.read()


@app.route("/files-safe")
def files_safe():
    name = os.path.basename(request.args.get("name", ""))
    # safe: path-traversal
    with open(os.path.join("public", name)) as f:
        return f.read()


@app.route("/go")
def go():
    # planted: open-redirect
    return redirect(request.args.get("next"))


@app.route("/config", methods=["POST"])
def config():
    # planted: insecure-deserialization
    settings = yaml.load(request.data, Loader=yaml.Loader)
    return {"keys": list(settings)}


@app.route("/config-safe", methods=["POST"])
def config_safe():
    # safe: insecure-deserialization
    settings = yaml.safe_load(request.data)
    return {"keys": list(settings)}


@app.route("/status")
def status():
    # planted: tls-verification-disabled
    r = requests.get("https://internal.example.com/status", verify=False, timeout=5)
    return r.text


def password_digest(password):
    # planted: weak-hash
    return hashlib.md5(password.encode()).hexdigest()


def reset_token():
    # safe: insecure-randomness
    return secrets.token_urlsafe(32)


if __name__ == "__main__":
    # planted: debug-mode
    app.run(debug=True)
