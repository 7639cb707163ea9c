import hashlib
from hashlib import md5

from Crypto.Cipher import AES, ARC4, DES
from Crypto.Hash import MD5, SHA256
from Crypto.PublicKey import RSA
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes


def sign_payload(payload: bytes, path):
    # ruleid: py.weak-hash.hashlib-md5-sha1
    digest = hashlib.md5(payload).hexdigest()
    # ruleid: py.weak-hash.hashlib-md5-sha1
    mac = hashlib.sha1(payload)
    # ruleid: py.weak-hash.hashlib-md5-sha1
    h = hashlib.new("md5", payload)
    # ruleid: py.weak-hash.hashlib-md5-sha1
    legacy = md5(payload)
    # ok: py.weak-hash.hashlib-md5-sha1
    strong = hashlib.sha256(payload).hexdigest()
    # ok: py.weak-hash.hashlib-md5-sha1
    etag = hashlib.md5(payload, usedforsecurity=False).hexdigest()
    # ok: py.weak-hash.hashlib-md5-sha1
    other = hashlib.new("sha256", payload)
    return digest, mac, h, legacy, strong, etag, other


def certificate_digest(data):
    # ruleid: py.weak-hash.crypto-library-md5-sha1
    d = hashes.Hash(hashes.SHA1())
    # ruleid: py.weak-hash.crypto-library-md5-sha1
    legacy = MD5.new(data)
    # ok: py.weak-hash.crypto-library-md5-sha1
    good = hashes.Hash(hashes.SHA256())
    # ok: py.weak-hash.crypto-library-md5-sha1
    also_good = SHA256.new(data)
    return d, legacy, good, also_good


def store_password(user, password, salt):
    # ruleid: py.weak-hash.password-fast-hash
    user.password_hash = hashlib.sha256(password.encode()).hexdigest()
    # ruleid: py.weak-hash.password-fast-hash
    user.legacy = hashlib.sha512(salt + user.new_password.encode("utf-8")).hexdigest()
    # ok: py.weak-hash.password-fast-hash
    user.kdf = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 600_000)
    # ok: py.weak-hash.password-fast-hash
    user.checksum = hashlib.sha256(user.avatar_bytes).hexdigest()


def encrypt_legacy(key, data):
    # ruleid: py.weak-cipher.pycryptodome
    des = DES.new(key, DES.MODE_CBC)
    # ruleid: py.weak-cipher.pycryptodome
    rc4 = ARC4.new(key)
    # ok: py.weak-cipher.pycryptodome
    aes = AES.new(key, AES.MODE_GCM)
    return des, rc4, aes


def encrypt_cryptography(key, iv):
    # ruleid: py.weak-cipher.cryptography
    c1 = Cipher(algorithms.TripleDES(key), modes.CBC(iv))
    # ruleid: py.weak-cipher.cryptography
    c2 = Cipher(algorithms.ARC4(key), mode=None)
    # ok: py.weak-cipher.cryptography
    c3 = Cipher(algorithms.AES(key), modes.GCM(iv))
    return c1, c2, c3


def encrypt_ecb(key):
    # ruleid: py.weak-cipher.ecb-mode
    c1 = Cipher(algorithms.AES(key), modes.ECB())
    # ruleid: py.weak-cipher.ecb-mode
    c2 = AES.new(key, AES.MODE_ECB)
    # ok: py.weak-cipher.ecb-mode
    c3 = AES.new(key, AES.MODE_GCM)
    # ok: py.weak-cipher.ecb-mode
    c4 = Cipher(algorithms.AES(key), modes.CBC(key[:16]))
    return c1, c2, c3, c4


def make_keys():
    # ruleid: py.weak-crypto.small-key-size
    k1 = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    # ruleid: py.weak-crypto.small-key-size
    k2 = RSA.generate(1024)
    # ok: py.weak-crypto.small-key-size
    k3 = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    # ok: py.weak-crypto.small-key-size
    k4 = RSA.generate(2048)
    return k1, k2, k3, k4
