import base64
import json
import pickle
import yaml
from flask import request


@app.post("/load")
def load():
    blob = base64.b64decode(request.form["state"])
    # ruleid: py.taint.deserialization
    state = pickle.loads(blob)
    # ruleid: py.taint.deserialization
    conf = yaml.load(request.data, Loader=yaml.Loader)
    # ok: py.taint.deserialization
    safe = yaml.load(request.data, Loader=yaml.SafeLoader)
    # ok: py.taint.deserialization
    other = yaml.safe_load(request.data)
    # ok: py.taint.deserialization
    data = json.loads(request.data)
    # ok: py.taint.deserialization
    cached = pickle.loads(open("/var/cache/app.pkl", "rb").read())
    return str((state, conf, safe, other, data, cached))
