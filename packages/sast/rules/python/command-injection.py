import os
import subprocess
import asyncio
from os import system
from subprocess import check_output


def ping(host):
    # ruleid: py.command-injection.os-system
    os.system("ping -c 1 " + host)
    # ruleid: py.command-injection.os-system
    out = os.popen(f"nslookup {host}").read()
    # ruleid: py.command-injection.os-system
    system("traceroute %s" % host)
    # ok: py.command-injection.os-system
    os.system("uptime")
    # ok: py.command-injection.os-system
    subprocess.run(["ping", "-c", "1", host])
    return out


def archive(name, cmd):
    # ruleid: py.command-injection.subprocess-shell-true
    subprocess.run(f"tar czf /tmp/{name}.tgz /data", shell=True)
    # ruleid: py.command-injection.subprocess-shell-true
    subprocess.Popen(cmd, shell=True, stdout=subprocess.PIPE)
    # ruleid: py.command-injection.subprocess-shell-true
    subprocess.check_call(
        "rm -rf " + name,
        shell=True,
    )
    # ruleid: py.command-injection.subprocess-shell-true
    check_output("cat {}".format(name), shell=True)
    # ruleid: py.command-injection.subprocess-shell-true
    subprocess.call(args=cmd, shell=True)
    # ok: py.command-injection.subprocess-shell-true
    subprocess.run(["tar", "czf", f"/tmp/{name}.tgz", "/data"])
    # ok: py.command-injection.subprocess-shell-true
    subprocess.run("ls -l /var/log | wc -l", shell=True)
    # ok: py.command-injection.subprocess-shell-true
    subprocess.Popen(cmd, shell=False)
    # ok: py.command-injection.subprocess-shell-true
    check_output(["cat", name])


async def lookup(domain):
    # ruleid: py.command-injection.subprocess-getoutput
    subprocess.getoutput("dig " + domain)
    # ruleid: py.command-injection.subprocess-getoutput
    await asyncio.create_subprocess_shell(f"whois {domain}")
    # ok: py.command-injection.subprocess-getoutput
    subprocess.getoutput("hostname")
    # ok: py.command-injection.subprocess-getoutput
    await asyncio.create_subprocess_exec("whois", domain)
