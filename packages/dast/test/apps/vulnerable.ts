import express, { type Express } from 'express';

/**
 * A deliberately vulnerable app for the DAST tests: one route per weakness the built-in engine checks. Never
 * listen on anything but 127.0.0.1. `outside` is another origin it links to, which the scan must not touch.
 */
export function vulnerableApp(outside: string) {
  return (hits: string[]): Express => {
    const app = express();
    app.use((req, _res, next) => {
      hits.push(`${req.method} ${req.originalUrl}`);
      next();
    });
    app.use(express.urlencoded({ extended: false }));
    app.get('/', (_req, res) => {
      res.cookie('session', 'abc123');
      res.type('html').send(`<!doctype html><html><body>
<a href="/search?q=shoes">search</a> <a href="/about">about</a> <a href="${outside}">partner site</a>
<a href="/logout">log out</a>
<form action="/login" method="post"><input name="user"><input type="password" name="password"><button>go</button></form>
</body></html>`);
    });
    app.get('/about', (_req, res) => {
      res.type('html').send('<html><body><h1>About</h1><a href="/">home</a></body></html>');
    });
    app.get('/search', (req, res) => {
      res.type('html').send(`<html><body>Results for ${String(req.query.q ?? '')}</body></html>`);
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
    return app;
  };
}
