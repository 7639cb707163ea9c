import os
import subprocess
import asyncio
import shlex
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


def constant_commands(path):
    cmd = "df -h /"
    # ok: py.command-injection.os-system
    os.system(cmd)
    listing = "ls -l /var/log | wc -l"
    # ok: py.command-injection.subprocess-shell-true
    subprocess.run(listing, shell=True)
    # ok: py.command-injection.subprocess-shell-true
    subprocess.run(f"ls -l {shlex.quote(path)}", shell=True)
    query = "du -sh " + path
    # ruleid: py.command-injection.subprocess-shell-true
    subprocess.run(query, shell=True)


def command_from_parameter(cmd):
    # ruleid: py.command-injection.os-system
    os.system(cmd)


def aliased_module(cmd):
    import subprocess as sp

    # todoruleid: py.command-injection.subprocess-shell-true
    sp.run(cmd, shell=True)
