/* eslint-disable */
const { exec, execFile, spawn } = require('child_process');
const cp = require('child_process');

app.get('/ping', (req, res) => {
  const host = req.query.host;
  // ruleid: js.taint.command-injection
  exec('ping -c 1 ' + host, (err, out) => res.send(out));
  // ruleid: js.taint.command-injection
  cp.execSync(`nslookup ${req.params.name}`);
  // ok: js.taint.command-injection
  execFile('ping', ['-c', '1', host], (err, out) => res.send(out));
  // ok: js.taint.command-injection
  spawn('ping', ['-c', '1', host]);
  // ruleid: js.taint.command-injection
  spawn('sh', ['-c', 'ping ' + host], { shell: true });
  // ok: js.taint.command-injection
  exec('ping -c 1 ' + parseInt(req.query.n, 10));
  // ok: js.taint.command-injection
  /^[a-z]+$/.exec(req.query.host);
});

router.post('/convert', async (ctx) => {
  const { file } = ctx.request.body;
  const cmd = ['convert', file, 'out.png'].join(' ');
  // ruleid: js.taint.command-injection
  cp.exec(cmd);
});

function run(command) {
  // ruleid: js.taint.command-injection
  return exec(command);
}
app.post('/run', (req, res) => run(req.body.cmd));

app.get('/allowed', (req, res) => {
  const tool = req.query.tool;
  if (!['ls', 'pwd'].includes(tool)) {
    return res.status(400).end();
  }
  // ok: js.taint.command-injection
  exec(tool);
});
