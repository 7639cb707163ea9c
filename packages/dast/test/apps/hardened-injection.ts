import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Express } from 'express';
import { productsDb, rowsHtml } from './db.js';

const q = (v: unknown): string => (typeof v === 'string' ? v : '');

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function run(file: string, args: string[]): Promise<string> {
  return new Promise((resolve) => {
    try {
      execFile(file, args, { timeout: 10_000 }, (_err, stdout) => resolve(stdout));
    } catch {
      // Node refuses arguments with NUL bytes before starting the program.
      resolve('');
    }
  });
}

const DOCUMENTS = new Set(['readme.txt', 'terms.txt']);
const REDIRECTS = new Set(['/', '/about']);

/** The vulnerable injection routes done right: escaped output, bound parameters, allow-lists, no shell. */
export function hardenedInjectionRoutes(app: Express, docs: string): void {
  app.get('/search', (req, res) => {
    res.type('html').send(`<html><body>Results for ${escapeHtml(q(req.query.q))}</body></html>`);
  });
  app.get('/greet', (req, res) => {
    res.type('html').send(`<html><body><form><input name="name" value="${escapeHtml(q(req.query.name))}"><button>greet</button></form></body></html>`);
  });
  app.get('/track', (req, res) => {
    // JSON.stringify quotes the string; escaping < keeps "</script>" from ending the element.
    const ref = JSON.stringify(q(req.query.ref)).replace(/</g, '\\u003c');
    res.type('html').send(`<html><body><script>var ref = ${ref}; window.ref = ref;</script>tracked</body></html>`);
  });
  app.get('/products', async (req, res) => {
    const db = await productsDb();
    const rows = db.exec('SELECT name, price FROM products WHERE category = ?', [q(req.query.category)]);
    res.type('html').send(`<html><body><ul>${rowsHtml(rows)}</ul></body></html>`);
  });
  app.get('/item', async (req, res) => {
    const db = await productsDb();
    const id = /^\d+$/.test(q(req.query.id)) ? Number(q(req.query.id)) : -1;
    const rows = db.exec('SELECT name, price FROM products WHERE id = ?', [id]);
    res.type('html').send(rows.length > 0 ? `<html><body><ul>${rowsHtml(rows)}</ul></body></html>` : '<html><body>No such item</body></html>');
  });
  app.get('/find', async (req, res) => {
    const db = await productsDb();
    const rows = db.exec("SELECT name, price FROM products WHERE name LIKE '%' || ? || '%'", [q(req.query.name)]);
    res.type('html').send(`<html><body><ul>${rowsHtml(rows)}</ul></body></html>`);
  });
  app.get('/file', async (req, res) => {
    const name = basename(q(req.query.name));
    if (!DOCUMENTS.has(name)) {
      res.status(404).type('text').send('not found');
      return;
    }
    res.type('text').send(await readFile(join(docs, name), 'utf8'));
  });
  app.get('/echo', async (req, res) => {
    res.type('html').send(`<html><body><pre>${escapeHtml(await run('echo', [q(req.query.msg)]))}</pre></body></html>`);
  });
  app.get('/notify', async (req, res) => {
    await run('printf', ['%s', q(req.query.to)]);
    res.type('html').send('<html><body>notification sent</body></html>');
  });
  app.get('/go', (req, res) => {
    const next = q(req.query.next);
    res.redirect(REDIRECTS.has(next) ? next : '/');
  });
  app.get('/continue', (req, res) => {
    const to = q(req.query.to);
    // A local path is one slash followed by something that is not a slash or backslash.
    res.redirect(/^\/(?![/\\])/.test(to) ? to : '/');
  });
  app.get('/preview', async (req, res) => {
    let url: URL | undefined;
    try {
      url = new URL(q(req.query.url));
    } catch {
      url = undefined;
    }
    // Only the app's own pages may be previewed; anything else would let a visitor make the server fetch it.
    if (!url || url.host !== req.headers.host || url.protocol !== 'http:') {
      res.status(400).type('html').send('<html><body>not allowed</body></html>');
      return;
    }
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(3000), redirect: 'manual' });
      res.type('html').send(`<html><body><pre>${escapeHtml((await r.text()).slice(0, 200))}</pre></body></html>`);
    } catch {
      res.status(502).type('html').send('<html><body>could not fetch the page</body></html>');
    }
  });
  app.get('/status', async (req, res) => {
    if (q(req.query.host) !== req.headers.host) {
      res.status(400).type('html').send('<html><body>unknown host</body></html>');
      return;
    }
    try {
      const r = await fetch(`http://${q(req.query.host)}/about`, { signal: AbortSignal.timeout(3000), redirect: 'manual' });
      res.type('html').send(`<html><body>${r.ok ? 'up' : 'down'}</body></html>`);
    } catch {
      res.type('html').send('<html><body>down</body></html>');
    }
  });
  app.get('/api/profile', (req, res) => {
    if (req.headers.origin === 'https://shop.example') {
      res.set({ 'access-control-allow-origin': 'https://shop.example', 'access-control-allow-credentials': 'true', vary: 'Origin' });
    }
    res.json({ name: 'Ada', fields: q(req.query.fields) });
  });
}
