import hashlib
import hmac
import os
import socket
import stat
import tarfile
import tempfile
import zipfile

from flask import Flask

app = Flask(__name__)


def scratch_file(data):
    # ruleid: py.tempfile.mktemp
    path = tempfile.mktemp(suffix=".csv")
    with open(path, "w") as fh:
        fh.write(data)
    # ok: py.tempfile.mktemp
    fd, safe_path = tempfile.mkstemp(suffix=".csv")
    # ok: py.tempfile.mktemp
    with tempfile.NamedTemporaryFile("w", delete=False) as tmp:
        tmp.write(data)
    return fd, safe_path


def delete_user(current_user, user_id):
    # ruleid: py.authz.assert-for-authorization
    assert current_user.is_admin, "admins only"
    # ok: py.authz.assert-for-authorization
    assert isinstance(user_id, int)
    if not current_user.has_perm("users.delete"):
        raise PermissionError("forbidden")


def test_delete_requires_admin(client, admin):
    # ok: py.authz.assert-for-authorization
    assert admin.is_admin


def serve():
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    # ruleid: py.network.bind-all-interfaces
    sock.bind(("0.0.0.0", 8080))
    # ok: py.network.bind-all-interfaces
    sock.bind(("127.0.0.1", 8080))
    # ruleid: py.network.bind-all-interfaces
    app.run(host="0.0.0.0", port=5000)
    # ok: py.network.bind-all-interfaces
    app.run(host="127.0.0.1", port=5000)


def permissions(path):
    # ruleid: py.permissions.world-writable
    os.chmod(path, 0o777)
    # ruleid: py.permissions.world-writable
    os.chmod(path, stat.S_IRWXU | stat.S_IRWXO)
    # ok: py.permissions.world-writable
    os.chmod(path, 0o600)
    # ok: py.permissions.world-writable
    os.chmod(path, 0o755)


# ruleid: py.secrets.hardcoded-password-default
def connect(host, user="admin", password="S3cr3tPassw0rd"):
    return host, user, password


# ok: py.secrets.hardcoded-password-default
def connect_env(host, user="admin", password=None):
    return host, user, password or os.environ["DB_PASSWORD"]


# ruleid: py.secrets.hardcoded-secret-key
app.secret_key = "dev-secret-key-1234567890"
# ok: py.secrets.hardcoded-secret-key
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
# ruleid: py.secrets.hardcoded-secret-key
SECRET_KEY = "django-insecure-0123456789abcdefghijklmnopqrstuvwxyz"
# ok: py.secrets.hardcoded-secret-key
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY")


def unpack(archive, dest):
    with tarfile.open(archive) as bundle:
        # ruleid: py.path-traversal.tarfile-extractall
        bundle.extractall(dest)
    tar = tarfile.open(archive)
    # ruleid: py.path-traversal.tarfile-extractall
    tar.extractall(path=dest)
    # ok: py.path-traversal.tarfile-extractall
    tar.extractall(path=dest, filter="data")
    with zipfile.ZipFile(archive) as zf:
        # ok: py.path-traversal.tarfile-extractall
        zf.extractall(dest)


def verify_webhook(secret: bytes, body: bytes, received: str):
    expected_signature = hmac.new(secret, body, hashlib.sha256).hexdigest()
    # ruleid: py.timing.non-constant-time-compare
    if expected_signature != received:
        return False
    # ruleid: py.timing.non-constant-time-compare
    if hmac.new(secret, body, hashlib.sha256).hexdigest() == received:
        return True
    # ok: py.timing.non-constant-time-compare
    return hmac.compare_digest(expected_signature, received)


def spawn_script(body):
    from tempfile import mktemp
    # ruleid: py.tempfile.mktemp
    path = mktemp(suffix=".sh")
    with open(path, "w") as f:
        f.write(body)
    return path
