/* eslint-disable */
const fs = require('fs');
const path = require('path');

app.get('/file', (req, res) => {
  const name = req.query.name;
  // ruleid: js.taint.path-traversal
  fs.readFile('/var/data/' + name, (e, d) => res.send(d));
  // ruleid: js.taint.path-traversal
  res.sendFile(path.join(__dirname, 'public', name));
  // ok: js.taint.path-traversal
  res.sendFile(name, { root: path.join(__dirname, 'public') });
  // ok: js.taint.path-traversal
  fs.readFile(path.join('/var/data', path.basename(name)), (e, d) => res.send(d));
  // ok: js.taint.path-traversal
  fs.readFileSync('/etc/app.conf');
});

app.get('/download/:file', (req, res) => {
  const full = path.resolve(ROOT, req.params.file);
  if (!full.startsWith(ROOT)) {
    return res.status(403).end();
  }
  // ok: js.taint.path-traversal
  res.download(full);
});

app.post('/upload', (req, res) => {
  // ruleid: js.taint.path-traversal
  fs.writeFileSync(`uploads/${req.body.filename}`, req.body.content);
});
