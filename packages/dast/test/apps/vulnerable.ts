import express, { type Express } from 'express';
import { documentsDir } from './files.js';
import { vulnerableInjectionRoutes } from './vulnerable-injection.js';

/**
 * A deliberately vulnerable app for the DAST tests: one route per weakness the built-in engine checks. Never
 * listen on anything but 127.0.0.1. `outside` is another origin it links to, which the scan must not touch.
 */
export function vulnerableApp(outside: string) {
  return (hits: string[]): Express => {
    const app = express();
    const docs = documentsDir();
    app.use((req, _res, next) => {
      hits.push(`${req.method} ${req.originalUrl}`);
      next();
    });
    app.use(express.urlencoded({ extended: false }));
    app.get('/', (req, res) => {
      res.cookie('session', 'abc123');
      res.type('html').send(`<!doctype html><html><body>
<!-- TODO: remove the admin password from config.js before release -->
<a href="/search?q=shoes">search</a> <a href="/about">about</a> <a href="${outside}">partner site</a>
<a href="/greet?name=guest">greeting</a> <a href="/track?ref=home">tracked link</a>
<a href="/products?category=shoes">shoes</a> <a href="/item?id=1">item 1</a> <a href="/find?name=runner">find</a> <a href="/continue?to=/about">next</a> <a href="/file?name=readme.txt">opening hours</a>
<a href="/echo?msg=hello">echo</a> <a href="/notify?to=ops">notify</a> <a href="/go?next=/about">continue</a>
<a href="/preview?url=http://${req.headers.host ?? '127.0.0.1'}/about">preview</a> <a href="/status?host=${req.headers.host ?? '127.0.0.1'}">status</a>
<a href="/api/data">data</a> <a href="/api/profile?fields=name">profile</a> <a href="/account">account</a> <a href="/old-page">old page</a>
<a href="/logout">log out</a>
<form action="/login" method="post"><input name="user"><input type="password" name="password"><button>go</button></form>
</body></html>`);
    });
    app.get('/about', (_req, res) => {
      res.type('html').send('<html><body><h1>About</h1><a href="/">home</a></body></html>');
    });
    app.post('/login', (req, res) => {
      res.type('html').send(`<html><body>Unknown user ${String((req.body as Record<string, string>).user ?? '')}</body></html>`);
    });
    app.get('/logout', (_req, res) => {
      res.type('html').send('<html><body>bye</body></html>');
    });
    app.get('/robots.txt', (_req, res) => {
      res.type('text').send('User-agent: *\nDisallow: /admin-hidden\n');
    });
    app.get('/admin-hidden', (_req, res) => {
      res.type('html').send('<html><body>admin</body></html>');
    });
    app.get('/api/data', (_req, res) => {
      res.set('access-control-allow-origin', '*').json({ items: [1, 2, 3] });
    });
    app.get('/account', (_req, res) => {
      res.set('content-security-policy', "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval' *");
      res.type('html').send('<html><body><h1>Your account</h1></body></html>');
    });
    app.get('/old-page', () => {
      throw new Error('template old-page.html not found');
    });
    vulnerableInjectionRoutes(app, docs);
    return app;
  };
}
