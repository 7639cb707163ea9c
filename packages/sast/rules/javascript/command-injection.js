const cp = require('child_process');
const { exec, execSync, execFile, spawn } = require('child_process');
const childProcess = require('node:child_process');

function handler(req, res) {
  const file = req.query.file;
  // ruleid: js.command-injection.exec-dynamic-string
  exec(`cat ${file}`, (err, out) => res.send(out));
  // ruleid: js.command-injection.exec-dynamic-string
  execSync('tar -czf /tmp/out.tgz ' + req.body.dir);
  // ruleid: js.command-injection.exec-dynamic-string
  cp.exec('ping -c 1 ' + req.query.host, () => {});
  // ruleid: js.command-injection.exec-dynamic-string
  childProcess.execSync(`git log --author=${user.name}`);
  // ruleid: js.command-injection.exec-dynamic-string
  require('child_process').exec(`convert ${input} out.png`);

  // ok: js.command-injection.exec-dynamic-string
  execFile('cat', [file], (err, out) => res.send(out));
  // ok: js.command-injection.exec-dynamic-string
  cp.execFile('ping', ['-c', '1', req.query.host], () => {});
  // ok: js.command-injection.exec-dynamic-string
  exec('ls -la /var/log', () => {});
  // ok: js.command-injection.exec-dynamic-string
  execSync(`git rev-parse HEAD`);
  // ok: js.command-injection.exec-dynamic-string
  execSync(`node ${__dirname}/scripts/build.js`);
  // ok: js.command-injection.exec-dynamic-string
  spawn('git', ['log', `--author=${user.name}`]);
}

function matchAll(re, text) {
  // ok: js.command-injection.exec-dynamic-string
  return /ab+c/.exec('prefix' + text);
}

function another(pattern, value) {
  const matcher = new RegExp(pattern);
  // ok: js.command-injection.exec-dynamic-string
  return matcher.exec(`${value}`);
}

import * as proc from 'node:child_process';

function build(req, branch) {
  // ruleid: js.command-injection.exec-dynamic-string
  proc.exec('git checkout ' + branch);
  // ruleid: js.command-injection.spawn-shell-dynamic
  spawn(`grep ${req.query.q} data.txt`, { shell: true });
  // ruleid: js.command-injection.spawn-shell-dynamic
  proc.spawnSync('ls', ['-la', req.query.dir], { shell: true, stdio: 'inherit' });
  // ruleid: js.command-injection.spawn-shell-dynamic
  cp.execFile(userCommand, { shell: '/bin/bash' }, () => {});
  // ok: js.command-injection.spawn-shell-dynamic
  spawn('ls', ['-la', req.query.dir]);
  // ok: js.command-injection.spawn-shell-dynamic
  proc.spawnSync('npm', ['run', 'build'], { shell: true });
  // ok: js.command-injection.spawn-shell-dynamic
  cp.execFile('git', ['log', branch], { shell: false }, () => {});
  // ok: js.command-injection.spawn-shell-dynamic
  spawn(userCommand, args, { cwd: '/tmp' });
}

app.get('/ping', (req, res) => {
  const cmd = 'ping -c 1 ' + req.query.host;
  // ruleid: js.command-injection.exec-dynamic-string
  exec(cmd, (err, out) => res.send(out));
  const fixed = 'uptime';
  // ok: js.command-injection.exec-dynamic-string
  exec(fixed, (err, out) => res.send(out));
});

function packageTask(files, cp2) {
  let tarCmd = 'tar -czf pkg.tgz';
  for (const f of files) {
    tarCmd += ' ' + f;
  }
  // ruleid: js.command-injection.exec-dynamic-string
  cp.exec(tarCmd);
  let fixed = 'ls';
  fixed += ' -la';
  // ok: js.command-injection.exec-dynamic-string
  cp.exec(fixed);
}
