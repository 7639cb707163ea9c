import socket
import ssl

import aiohttp
import httpx
import paramiko
import requests
import urllib3


def fetch(url, token):
    # ruleid: py.tls.verify-disabled
    r = requests.get(url, headers={"Authorization": token}, verify=False)
    session = requests.Session()
    # ruleid: py.tls.verify-disabled
    session.verify = False
    # ruleid: py.tls.verify-disabled
    session.post(url, json={}, verify=False)
    # ruleid: py.tls.verify-disabled
    client = httpx.Client(verify=False)
    # ok: py.tls.verify-disabled
    ok1 = requests.get(url, timeout=10)
    # ok: py.tls.verify-disabled
    ok2 = requests.get(url, verify="/etc/ssl/certs/internal-ca.pem", timeout=10)
    # ok: py.tls.verify-disabled
    ok3 = httpx.Client(verify=True)
    return r, client, ok1, ok2, ok3


async def fetch_async(url):
    async with aiohttp.ClientSession() as session:
        # ruleid: py.tls.verify-disabled
        async with session.get(url, ssl=False) as resp:
            return await resp.text()


def fetch_async_ok(url):
    # ok: py.tls.verify-disabled
    return aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10))


def contexts(host):
    # ruleid: py.tls.unverified-context
    ctx = ssl._create_unverified_context()
    # ruleid: py.tls.unverified-context
    ssl._create_default_https_context = ssl._create_unverified_context
    # ok: py.tls.unverified-context
    good = ssl.create_default_context()
    return ctx, good


def cert_none(host, sock):
    ctx = ssl.create_default_context()
    # ruleid: py.tls.check-hostname-disabled
    ctx.check_hostname = False
    # ruleid: py.tls.cert-none
    ctx.verify_mode = ssl.CERT_NONE
    # ruleid: py.tls.cert-none
    pool = urllib3.PoolManager(cert_reqs="CERT_NONE")
    # ruleid: py.tls.check-hostname-disabled
    pool2 = urllib3.PoolManager(assert_hostname=False)
    # ok: py.tls.cert-none
    strict = urllib3.PoolManager(cert_reqs="CERT_REQUIRED")
    # ok: py.tls.cert-none
    ctx.verify_mode = ssl.CERT_REQUIRED
    # ok: py.tls.check-hostname-disabled
    ctx.check_hostname = True
    return pool, pool2, strict


PROTOCOL_NAMES = {
    # ok: py.tls.weak-protocol-version
    ssl.PROTOCOL_TLSv1: "TLSv1",
}


def legacy(sock, host):
    # ruleid: py.tls.weak-protocol-version
    old = ssl.SSLContext(ssl.PROTOCOL_TLSv1)
    ctx = ssl.create_default_context()
    # ruleid: py.tls.weak-protocol-version
    ctx.minimum_version = ssl.TLSVersion.TLSv1
    # ok: py.tls.weak-protocol-version
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    # ok: py.tls.weak-protocol-version
    modern = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    # ruleid: py.tls.ssl-wrap-socket
    wrapped = ssl.wrap_socket(sock)
    # ok: py.tls.ssl-wrap-socket
    secure = ctx.wrap_socket(sock, server_hostname=host)
    # ok: py.tls.ssl-wrap-socket
    verified = ssl.wrap_socket(sock, cert_reqs=ssl.CERT_REQUIRED, ca_certs="/etc/ssl/ca.pem")
    return old, modern, wrapped, secure, verified


def ssh(host):
    client = paramiko.SSHClient()
    # ruleid: py.tls.ssh-auto-add-host-key
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    # ok: py.tls.ssh-auto-add-host-key
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    client.load_system_host_keys()
    client.connect(host)
    return socket.gethostname()
