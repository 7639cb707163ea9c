// A deliberately vulnerable Express app. Lines marked `planted:` must be reported by `rampart scan`;
// lines marked `safe:` are the fixed variants and must not be. Do not deploy.
const express = require('express');
const { exec, execFile } = require('child_process');
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const mysql = require('mysql2');

const app = express();
const db = mysql.createConnection({ host: 'localhost', user: 'shop', database: 'shop' });
const PUBLIC_DIR = path.join(__dirname, 'public');

app.get('/ping', (req, res) => {
  const host = req.query.host;
  const cmd = 'ping -c 1 ' + host;
  // planted: command-injection
  exec(cmd, (err, out) => res.send(out));
});

app.get('/ping-safe', (req, res) => {
  const host = req.query.host;
  // safe: command-injection
  execFile('ping', ['-c', '1', String(host)], (err, out) => res.type('text').send(out));
});

app.get('/products', (req, res) => {
  const name = req.query.name;
  // planted: sql-injection
  db.query(`SELECT * FROM products WHERE name = '${name}'`, (err, rows) => res.json(rows));
});

app.get('/products-safe', (req, res) => {
  // safe: sql-injection
  db.query('SELECT * FROM products WHERE name = ?', [req.query.name], (err, rows) => res.json(rows));
});

app.get('/files', (req, res) => {
  const file = path.join(PUBLIC_DIR, req.query.name);
  // planted: path-traversal
  fs.readFile(file, (err, data) => res.send(data));
});

app.get('/files-safe', (req, res) => {
  const file = path.join(PUBLIC_DIR, path.basename(String(req.query.name)));
  // safe: path-traversal
  fs.readFile(file, (err, data) => res.type('text').send(data));
});

app.get('/go', (req, res) => {
  // planted: open-redirect
  res.redirect(req.query.next);
});

app.get('/calc', (req, res) => {
  // planted: code-injection
  const result = eval(req.query.expr);
  res.json({ result });
});

app.get('/calc-safe', (req, res) => {
  // safe: code-injection
  const result = Number.parseInt(String(req.query.a), 10) + Number.parseInt(String(req.query.b), 10);
  res.json({ result });
});

function passwordDigest(password) {
  // planted: weak-hash
  return crypto.createHash('md5').update(password).digest('hex');
}

function passwordDigestSafe(password, salt) {
  // safe: weak-hash
  return crypto.scryptSync(password, salt, 64).toString('hex');
}

function resetToken() {
  // planted: insecure-randomness
  const token = Math.random().toString(36).slice(2);
  return token;
}

function resetTokenSafe() {
  // safe: insecure-randomness
  const token = crypto.randomBytes(32).toString('hex');
  return token;
}

app.listen(3000);
module.exports = { passwordDigest, passwordDigestSafe, resetToken, resetTokenSafe };
