import json
import marshal
import pickle
import shelve

import jsonpickle
import numpy as np
import pandas as pd
import torch
import yaml
from flask import request


def restore_session(blob, path):
    # ruleid: py.deserialization.pickle
    state = pickle.loads(blob)
    with open(path, "rb") as fh:
        # ruleid: py.deserialization.pickle
        cached = pickle.load(fh)
    # ruleid: py.deserialization.pickle
    frame = pd.read_pickle(path)
    # ok: py.deserialization.pickle
    data = json.loads(blob)
    # ok: py.deserialization.pickle
    out = pickle.dumps(state)
    return state, cached, frame, data, out


def load_code(blob):
    # ruleid: py.deserialization.marshal
    code = marshal.loads(blob)
    # ok: py.deserialization.marshal
    payload = marshal.dumps(code)
    return payload


def open_store(user_id):
    # ruleid: py.deserialization.shelve
    db = shelve.open(request.args["store"])
    # ok: py.deserialization.shelve
    own = shelve.open("/var/lib/app/cache.db")
    return db, own


def parse_config(text):
    # ruleid: py.deserialization.yaml-load
    a = yaml.load(text)
    # ruleid: py.deserialization.yaml-load
    b = yaml.load(text, Loader=yaml.Loader)
    # ruleid: py.deserialization.yaml-load
    c = yaml.unsafe_load(text)
    # ok: py.deserialization.yaml-load
    d = yaml.safe_load(text)
    # ok: py.deserialization.yaml-load
    e = yaml.load(text, Loader=yaml.SafeLoader)
    # ok: py.deserialization.yaml-load
    f = yaml.load_all(text, yaml.CSafeLoader)
    # ok: py.deserialization.yaml-load
    g = yaml.load(text, Loader=yaml.FullLoader)
    return a, b, c, d, e, f, g


def from_json(body):
    # ruleid: py.deserialization.jsonpickle
    obj = jsonpickle.decode(body)
    # ok: py.deserialization.jsonpickle
    text = jsonpickle.encode(obj, unpicklable=False)
    # ok: py.deserialization.jsonpickle
    plain = json.loads(body)
    return text, plain


def load_arrays(path):
    # ruleid: py.deserialization.numpy-allow-pickle
    arr = np.load(path, allow_pickle=True)
    # ok: py.deserialization.numpy-allow-pickle
    safe = np.load(path)
    return arr, safe


def load_model(path):
    # ruleid: py.deserialization.torch-load-unsafe
    model = torch.load(path, weights_only=False)
    # ok: py.deserialization.torch-load-unsafe
    weights = torch.load(path, weights_only=True)
    return model, weights
