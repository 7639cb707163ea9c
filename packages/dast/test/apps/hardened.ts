import express, { type Express } from 'express';
import helmet from 'helmet';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The vulnerable app's twin with the weaknesses fixed: helmet's headers, HttpOnly cookies, escaped output. */
export function hardenedApp() {
  return (hits: string[]): Express => {
    const app = express();
    app.disable('x-powered-by');
    app.use(helmet());
    app.use((req, _res, next) => {
      hits.push(`${req.method} ${req.originalUrl}`);
      next();
    });
    app.use(express.urlencoded({ extended: false }));
    app.get('/', (_req, res) => {
      res.cookie('session', 'abc123', { httpOnly: true, sameSite: 'strict' });
      res.type('html').send(`<!doctype html><html><body>
<a href="/search?q=shoes">search</a> <a href="/about">about</a>
<form action="/login" method="post"><input name="user"><input type="password" name="password"><button>go</button></form>
</body></html>`);
    });
    app.get('/about', (_req, res) => {
      res.type('html').send('<html><body><h1>About</h1><a href="/">home</a></body></html>');
    });
    app.get('/search', (req, res) => {
      res.type('html').send(`<html><body>Results for ${escapeHtml(String(req.query.q ?? ''))}</body></html>`);
    });
    app.post('/login', (req, res) => {
      res.type('html').send(`<html><body>Unknown user ${escapeHtml(String((req.body as Record<string, string>).user ?? ''))}</body></html>`);
    });
    return app;
  };
}
