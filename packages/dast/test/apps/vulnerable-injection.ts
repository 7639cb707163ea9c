import { exec } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Express } from 'express';
import { productsDb, rowsHtml } from './db.js';

const q = (v: unknown): string => (typeof v === 'string' ? v : '');

function shell(command: string): Promise<string> {
  return new Promise((resolve) => {
    try {
      exec(command, { timeout: 10_000 }, (_err, stdout) => resolve(stdout));
    } catch {
      // Node refuses command lines with NUL bytes before any shell runs.
      resolve('');
    }
  });
}

/**
 * One route per injection class, each written the way real code gets it wrong: string-built SQL, path.join of a
 * parameter, a shell command line, an unchecked redirect target, a server-side fetch of a user URL, unescaped output.
 */
export function vulnerableInjectionRoutes(app: Express, docs: string): void {
  app.get('/search', (req, res) => {
    res.type('html').send(`<html><body>Results for ${q(req.query.q)}</body></html>`);
  });
  app.get('/greet', (req, res) => {
    res.type('html').send(`<html><body><form><input name="name" value="${q(req.query.name)}"><button>greet</button></form></body></html>`);
  });
  app.get('/track', (req, res) => {
    res.type('html').send(`<html><body><script>var ref = "${q(req.query.ref)}"; window.ref = ref;</script>tracked</body></html>`);
  });
  app.get('/products', async (req, res, next) => {
    try {
      const db = await productsDb();
      const rows = db.exec(`SELECT name, price FROM products WHERE category = '${q(req.query.category)}'`);
      res.type('html').send(`<html><body><ul>${rowsHtml(rows)}</ul></body></html>`);
    } catch (e) {
      next(e);
    }
  });
  // Blind: a broken query looks like an unknown item, so only the boolean difference gives it away.
  app.get('/item', async (req, res) => {
    const db = await productsDb();
    let rows: { values: unknown[][] }[] = [];
    try {
      rows = db.exec(`SELECT name, price FROM products WHERE id = ${q(req.query.id)}`);
    } catch {
      rows = [];
    }
    res.type('html').send(rows.length > 0 ? `<html><body><ul>${rowsHtml(rows)}</ul></body></html>` : '<html><body>No such item</body></html>');
  });
  // Blind, inside LIKE '%...%': only a condition that keeps the pattern intact gives the same page.
  app.get('/find', async (req, res) => {
    const db = await productsDb();
    let rows: { values: unknown[][] }[] = [];
    try {
      rows = db.exec(`SELECT name, price FROM products WHERE name LIKE '%${q(req.query.name)}%'`);
    } catch {
      rows = [];
    }
    res.type('html').send(`<html><body><ul>${rowsHtml(rows)}</ul></body></html>`);
  });
  app.get('/file', async (req, res) => {
    try {
      res.type('text').send(await readFile(join(docs, q(req.query.name)), 'utf8'));
    } catch {
      res.status(404).type('text').send('not found');
    }
  });
  app.get('/echo', async (req, res) => {
    res.type('html').send(`<html><body><pre>${await shell(`echo ${q(req.query.msg)}`)}</pre></body></html>`);
  });
  // Blind: the output goes nowhere, so only the time the command takes shows the injection.
  app.get('/notify', async (req, res) => {
    await shell(`printf '%s' "${q(req.query.to)}" > /dev/null`);
    res.type('html').send('<html><body>notification sent</body></html>');
  });
  app.get('/go', (req, res) => {
    res.redirect(q(req.query.next) || '/');
  });
  // "Only local paths" by a prefix test, which //host and /\host pass.
  app.get('/continue', (req, res) => {
    const to = q(req.query.to);
    res.redirect(to.startsWith('/') ? to : '/');
  });
  app.get('/preview', async (req, res) => {
    try {
      const r = await fetch(q(req.query.url), { signal: AbortSignal.timeout(3000), redirect: 'manual' });
      const text = (await r.text()).slice(0, 200).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
      res.type('html').send(`<html><body><pre>${text}</pre></body></html>`);
    } catch {
      res.status(502).type('html').send('<html><body>could not fetch the page</body></html>');
    }
  });
  // The parameter is a host the server builds a URL around.
  app.get('/status', async (req, res) => {
    try {
      const r = await fetch(`http://${q(req.query.host)}/about`, { signal: AbortSignal.timeout(3000), redirect: 'manual' });
      res.type('html').send(`<html><body>${r.ok ? 'up' : 'down'}</body></html>`);
    } catch {
      res.type('html').send('<html><body>down</body></html>');
    }
  });
  app.get('/api/profile', (req, res) => {
    const origin = req.headers.origin;
    if (origin) res.set({ 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true' });
    res.json({ name: 'Ada', fields: q(req.query.fields) });
  });
}
