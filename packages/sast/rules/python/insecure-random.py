import random
import secrets
import string
from random import choices


def reset_password(user):
    # ruleid: py.insecure-random.security-value
    token = "".join(random.choice(string.ascii_letters + string.digits) for _ in range(32))
    # ruleid: py.insecure-random.security-value
    user.otp = random.randint(100000, 999999)
    # ruleid: py.insecure-random.security-value
    temp_password = "".join(choices(string.ascii_letters, k=12))
    # ok: py.insecure-random.security-value
    safe_token = secrets.token_urlsafe(32)
    # ok: py.insecure-random.security-value
    safe_otp = secrets.randbelow(900000) + 100000
    # ok: py.insecure-random.security-value
    sys_token = "".join(random.SystemRandom().choice(string.ascii_letters) for _ in range(32))
    return token, temp_password, safe_token, safe_otp, sys_token


def generate_api_key():
    # ruleid: py.insecure-random.security-value
    return "%032x" % random.getrandbits(128)


def generate_secure_api_key():
    # ok: py.insecure-random.security-value
    return secrets.token_hex(16)


def shuffle_playlist(songs):
    # ok: py.insecure-random.security-value
    delay = random.uniform(0.5, 1.5)
    # ok: py.insecure-random.security-value
    return random.sample(songs, len(songs)), delay
