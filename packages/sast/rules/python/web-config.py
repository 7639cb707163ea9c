import os

import jwt
from django.http import HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from flask import Flask, make_response
from flask_cors import CORS, cross_origin
from werkzeug.serving import run_simple

app = Flask(__name__)

# --- Django-style settings module ---
SECRET_KEY_FILE = "/run/secrets/django"
INSTALLED_APPS = ["django.contrib.auth", "corsheaders"]
ALLOWED_HOSTS = ["app.example.com"]
# ruleid: py.debug.django-debug-true
DEBUG = True
# ok: py.debug.django-debug-true
DEBUG = os.environ.get("DJANGO_DEBUG") == "1"
# ruleid: py.cookie.insecure-cookie-settings
SESSION_COOKIE_SECURE = False
# ruleid: py.cookie.insecure-cookie-settings
CSRF_COOKIE_SECURE = False
# ok: py.cookie.insecure-cookie-settings
SESSION_COOKIE_HTTPONLY = True
# ok: py.cookie.insecure-cookie-settings
CSRF_COOKIE_HTTPONLY = False
CORS_ALLOW_CREDENTIALS = True
# ruleid: py.cors.django-allow-all-with-credentials
CORS_ALLOW_ALL_ORIGINS = True
# ok: py.cors.django-allow-all-with-credentials
CORS_ALLOW_ALL_ORIGINS = False
CORS_ALLOWED_ORIGINS = ["https://app.example.com"]

# --- Flask configuration ---
# ruleid: py.cookie.insecure-cookie-settings
app.config["SESSION_COOKIE_SECURE"] = False
# ok: py.cookie.insecure-cookie-settings
app.config.update(SESSION_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True)
# ruleid: py.csrf.protection-disabled
app.config["WTF_CSRF_ENABLED"] = False
# ok: py.csrf.protection-disabled
app.config["WTF_CSRF_ENABLED"] = True
# ruleid: py.debug.flask-debug-enabled
app.debug = True


class TestingConfig:
    TESTING = True
    # ok: py.csrf.protection-disabled
    WTF_CSRF_ENABLED = False


# ruleid: py.cors.flask-cors-wildcard-credentials
CORS(app, supports_credentials=True)
# ruleid: py.cors.flask-cors-wildcard-credentials
CORS(app, resources={r"/api/*": {"origins": "*"}}, supports_credentials=True)
# ok: py.cors.flask-cors-wildcard-credentials
CORS(app, origins=["https://app.example.com"], supports_credentials=True)
# ok: py.cors.flask-cors-wildcard-credentials
CORS(app, origins="*")

api = FastAPI()
# ruleid: py.cors.starlette-wildcard-credentials
api.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True, allow_methods=["*"])
# ok: py.cors.starlette-wildcard-credentials
api.add_middleware(CORSMiddleware, allow_origins=["https://app.example.com"], allow_credentials=True)
# ok: py.cors.starlette-wildcard-credentials
api.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET"])


@app.route("/api/data")
# ruleid: py.cors.flask-cors-wildcard-credentials
@cross_origin(origins="*", supports_credentials=True)
def data():
    return {"ok": True}


@app.route("/login")
def login_view():
    resp = make_response("ok")
    # ruleid: py.cookie.set-cookie-flag-disabled
    resp.set_cookie("session_id", "abc", secure=False, httponly=True)
    # ruleid: py.cookie.set-cookie-flag-disabled
    resp.set_cookie("remember", "1", secure=True, httponly=False)
    # ok: py.cookie.set-cookie-flag-disabled
    resp.set_cookie("session_id", "abc", secure=True, httponly=True, samesite="Lax")
    # ruleid: py.cookie.sensitive-cookie-without-secure
    resp.set_cookie("auth_token", "abc", httponly=True)
    # ok: py.cookie.sensitive-cookie-without-secure
    resp.set_cookie("auth_token", "abc", secure=True, httponly=True)
    # ok: py.cookie.sensitive-cookie-without-secure
    resp.set_cookie("theme", "dark")
    return resp


def read_token(token, key):
    # ruleid: py.jwt.verification-disabled
    claims = jwt.decode(token, options={"verify_signature": False})
    # ruleid: py.jwt.verification-disabled
    legacy = jwt.decode(token, key, verify=False)
    # ok: py.jwt.verification-disabled
    good = jwt.decode(token, key, algorithms=["HS256"])
    # ok: py.jwt.verification-disabled
    aud = jwt.decode(token, key, algorithms=["RS256"], options={"verify_aud": False})
    return claims, legacy, good, aud


def none_alg(payload, token, key):
    # ruleid: py.jwt.none-algorithm
    unsigned = jwt.encode(payload, None, algorithm="none")
    # ruleid: py.jwt.none-algorithm
    accepted = jwt.decode(token, key, algorithms=["HS256", "none"])
    # ok: py.jwt.none-algorithm
    signed = jwt.encode(payload, key, algorithm="HS256")
    return unsigned, accepted, signed


@csrf_protect
# ok: py.csrf.django-csrf-exempt
def transfer(request):
    return HttpResponse("ok")


# ruleid: py.csrf.django-csrf-exempt
@csrf_exempt
def update_profile(request):
    return JsonResponse({"ok": True})


if __name__ == "__main__":
    # ruleid: py.debug.flask-debug-enabled
    app.run(host="127.0.0.1", debug=True)
    # ok: py.debug.flask-debug-enabled
    app.run(debug=os.environ.get("FLASK_DEBUG") == "1")
    # ruleid: py.debug.flask-debug-enabled
    run_simple("localhost", 5000, app, use_reloader=True, use_debugger=True)
    # ok: py.debug.flask-debug-enabled
    run_simple("localhost", 5000, app)


def configure_debug():
    # ok: py.debug.django-debug-true
    DEBUG = True
    return DEBUG
