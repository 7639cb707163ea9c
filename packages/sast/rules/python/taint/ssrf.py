import requests
from urllib.request import urlopen
from flask import request


@app.route("/fetch")
def fetch():
    url = request.args.get("url")
    # ruleid: py.taint.ssrf
    r = requests.get(url, timeout=5)
    # ruleid: py.taint.ssrf
    body = urlopen("http://" + request.args["host"] + "/status").read()
    # ok: py.taint.ssrf
    u = requests.get("https://api.example.com/users/%s" % request.args["id"])
    # ok: py.taint.ssrf
    v = requests.get(f"https://api.example.com/search?q={url}")
    # ok: py.taint.ssrf
    w = requests.get("https://api.example.com/health")
    return r.text + str(body) + u.text + v.text + w.text
