const fs = require('fs');
const path = require('path');

app.get('/files/:name', (req, res) => {
  // ruleid: js.path-traversal.fs-request-path
  fs.readFile(path.join(__dirname, 'uploads', req.params.name), (err, data) => res.send(data));
  // ruleid: js.path-traversal.fs-request-path
  const stream = fs.createReadStream(`./reports/${req.query.report}`);
  // ruleid: js.path-traversal.fs-request-path
  fs.unlinkSync('/tmp/cache/' + req.body.key);
  // ruleid: js.path-traversal.fs-request-path
  await fs.promises.writeFile(req.query.target, data);
  // ok: js.path-traversal.fs-request-path
  fs.readFile(path.join(__dirname, 'uploads', path.basename(req.params.name)), cb);
  // ok: js.path-traversal.fs-request-path
  fs.readFile(path.join(__dirname, 'public', 'index.html'), cb);
  // ok: js.path-traversal.fs-request-path
  fs.writeFileSync(path.join(os.tmpdir(), 'out.json'), JSON.stringify(req.body));

  // ruleid: js.path-traversal.sendfile-request-path
  res.sendFile(path.join(__dirname, 'public', req.params.name));
  // ruleid: js.path-traversal.sendfile-request-path
  res.download(`/srv/exports/${req.query.file}`);
  // ruleid: js.path-traversal.sendfile-request-path
  res.sendFile(req.query.path, { maxAge: 3600 });
  // ok: js.path-traversal.sendfile-request-path
  res.sendFile(req.params.name, { root: path.join(__dirname, 'public') });
  // ok: js.path-traversal.sendfile-request-path
  res.sendFile(path.join(__dirname, 'public', 'index.html'));
  // ok: js.path-traversal.sendfile-request-path
  res.download(path.join(EXPORT_DIR, path.basename(req.query.file)));
});

app.get('/files', (req, res) => {
  const file = path.join(PUBLIC_DIR, req.query.name);
  // ruleid: js.path-traversal.fs-request-path
  fs.readFile(file, (err, data) => res.send(data));
  const safeFile = path.join(PUBLIC_DIR, path.basename(String(req.query.name)));
  // ok: js.path-traversal.fs-request-path
  fs.readFile(safeFile, (err, data) => res.send(data));
});
