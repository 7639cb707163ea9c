import os
import shlex
import subprocess
from flask import Flask, request

app = Flask(__name__)


@app.route("/ping")
def ping():
    host = request.args.get("host")
    # ruleid: py.taint.command-injection
    os.system("ping -c 1 " + host)
    # ruleid: py.taint.command-injection
    subprocess.run(f"nslookup {host}", shell=True)
    # ok: py.taint.command-injection
    subprocess.run(["ping", "-c", "1", host])
    # ok: py.taint.command-injection
    os.system("ping -c 1 " + shlex.quote(host))
    # ok: py.taint.command-injection
    subprocess.check_output(["ls", "-l"], shell=False)
    # ok: py.taint.command-injection
    os.system("uptime")
    return "ok"


def backup(target):
    cmd = "tar czf /tmp/b.tgz %s" % target
    # ruleid: py.taint.command-injection
    return subprocess.check_output(cmd, shell=True)


@app.route("/backup", methods=["POST"])
def do_backup():
    return backup(request.form["dir"])


if __name__ == "__main__":
    # ruleid: py.taint.command-injection
    os.popen("grep %s /var/log/app.log" % sys.argv[1])
