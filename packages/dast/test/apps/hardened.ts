import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { documentsDir } from './files.js';
import { escapeHtml, hardenedInjectionRoutes } from './hardened-injection.js';

function sessionOf(cookie: string | undefined): string | undefined {
  return /(?:^|;\s*)session=([0-9a-f]{24})(?:;|$)/.exec(cookie ?? '')?.[1];
}

/**
 * The vulnerable app's twin with the weaknesses fixed: helmet's headers, HttpOnly SameSite cookies, an anti-CSRF
 * token, escaped output, bound SQL parameters, allow-lists, no shell, generic error pages.
 */
export function hardenedApp() {
  return (hits: string[]): Express => {
    const app = express();
    const docs = documentsDir();
    const secret = randomBytes(16);
    const csrfFor = (session: string): string => createHmac('sha256', secret).update(session).digest('hex');
    app.disable('x-powered-by');
    app.use(helmet());
    app.use((req, _res, next) => {
      hits.push(`${req.method} ${req.originalUrl}`);
      next();
    });
    app.use(express.urlencoded({ extended: false }));
    app.get('/', (req, res) => {
      // A visitor keeps their session; only a new one gets a cookie.
      let session = sessionOf(req.headers.cookie);
      if (!session) {
        session = randomBytes(12).toString('hex');
        res.cookie('session', session, { httpOnly: true, sameSite: 'strict' });
      }
      res.type('html').send(`<!doctype html><html><body>
<a href="/search?q=shoes">search</a> <a href="/about">about</a>
<a href="/greet?name=guest">greeting</a> <a href="/track?ref=home">tracked link</a>
<a href="/products?category=shoes">shoes</a> <a href="/item?id=1">item 1</a> <a href="/find?name=runner">find</a> <a href="/continue?to=/about">next</a> <a href="/file?name=readme.txt">opening hours</a>
<a href="/echo?msg=hello">echo</a> <a href="/notify?to=ops">notify</a> <a href="/go?next=/about">continue</a>
<a href="/preview?url=http://${escapeHtml(req.headers.host ?? '127.0.0.1')}/about">preview</a> <a href="/status?host=${escapeHtml(req.headers.host ?? '127.0.0.1')}">status</a>
<a href="/api/data">data</a> <a href="/api/profile?fields=name">profile</a> <a href="/account">account</a> <a href="/old-page">old page</a>
<form action="/login" method="post"><input type="hidden" name="_csrf" value="${csrfFor(session)}"><input name="user"><input type="password" name="password"><button>go</button></form>
</body></html>`);
    });
    app.get('/about', (_req, res) => {
      res.type('html').send('<html><body><h1>About</h1><a href="/">home</a></body></html>');
    });
    // The token must match the visitor's session cookie: a form from another site has neither.
    app.post('/login', (req, res) => {
      const session = sessionOf(req.headers.cookie);
      const sent = Buffer.from(String((req.body as Record<string, string>)._csrf ?? ''));
      const expected = session ? Buffer.from(csrfFor(session)) : undefined;
      if (!expected || sent.length !== expected.length || !timingSafeEqual(sent, expected)) {
        res.status(403).type('html').send('<html><body>Forbidden</body></html>');
        return;
      }
      res.type('html').send(`<html><body>Unknown user ${escapeHtml(String((req.body as Record<string, string>).user ?? ''))}</body></html>`);
    });
    app.get('/api/data', (_req, res) => {
      res.json({ items: [1, 2, 3] });
    });
    app.get('/account', (_req, res) => {
      res.type('html').send('<html><body><h1>Your account</h1></body></html>');
    });
    app.get('/old-page', () => {
      throw new Error('template old-page.html not found');
    });
    hardenedInjectionRoutes(app, docs);
    // The error is logged server-side; the visitor gets a page that says nothing about the code.
    app.use((_err: unknown, _req: Request, res: Response, _next: NextFunction) => {
      res.status(500).type('html').send('<html><body>Something went wrong.</body></html>');
    });
    return app;
  };
}
