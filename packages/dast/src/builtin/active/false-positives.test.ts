import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import express, { type Express } from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { serve, type Running } from '../../../test/apps/serve.js';
import { ScopedHttp } from '../../http/client.js';
import { makeScope } from '../../scope.js';
import { sendPoint } from '../send.js';
import type { ActiveCheck, ActiveContext } from '../types.js';
import { commandInjection } from './command-injection.js';
import { externalRedirect } from './external-redirect.js';
import { sqlInjection } from './sql-injection.js';
import { xssReflected } from './xss-reflected.js';

let running: Running | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

/** Runs one check on `GET /p?v=<value>` of a one-route app and returns what it raised. */
async function attack(check: ActiveCheck, route: (req: express.Request, res: express.Response) => void | Promise<void>, value = 'shoes'): Promise<string[]> {
  running = await serve((): Express => {
    const app = express();
    app.get('/p', (req, res, next) => {
      Promise.resolve(route(req, res)).catch(next);
    });
    return app;
  });
  const scope = makeScope(running.url);
  const http = new ScopedHttp(scope, { budget: 200, requestsPerSecond: 1000, concurrency: 2, timeoutMs: 15_000, maxBodyBytes: 1 << 20, headers: {} });
  const ctx: ActiveContext = { http, send: (p, v) => sendPoint(http, p, v) };
  const raised = await check.run({ method: 'GET', url: `${running.url}p`, params: { v: value }, param: 'v' }, ctx);
  return raised.map((r) => `${r.def.pluginId} ${r.instance.attack ?? ''}`);
}

const v = (req: express.Request): string => String(req.query.v ?? '');

describe('active checks stay quiet on safe code that looks suspicious', () => {
  it('40012: a payload echoed raw in JSON is not an HTML context', async () => {
    expect(await attack(xssReflected, (req, res) => void res.json({ q: v(req) }))).toEqual([]);
  });

  it('40012: a payload echoed raw inside a textarea or a comment does not run', async () => {
    expect(await attack(xssReflected, (req, res) => void res.type('html').send(`<textarea>${v(req).replace(/<\/textarea/gi, '')}</textarea><!-- ${v(req).replace(/-->/g, '')} -->`))).toEqual([]);
  });

  it('40018: a page with a fresh token on every request and a safe search', async () => {
    const page = (req: express.Request, res: express.Response): void => {
      const hits = ['shoes', 'boots'].filter((x) => x === v(req));
      res.type('html').send(`<input type="hidden" name="csrf" value="${randomBytes(8).toString('hex')}"><p>${hits.length} results</p>`);
    };
    expect(await attack(sqlInjection, page)).toEqual([]);
  });

  it('40018: a word search, where the false condition\'s "2" matches a product, is not a boolean injection', async () => {
    const products = ['Trail shoes', 'Model 2 boots', 'Wool hat'];
    const search = (req: express.Request, res: express.Response): void => {
      const words = v(req).toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 0 && w !== 'and');
      const hits = products.filter((p) => words.some((w) => p.toLowerCase().split(' ').includes(w)));
      res.type('html').send(`<ul>${hits.map((h) => `<li>${h}</li>`).join('')}</ul>`);
    };
    expect(await attack(sqlInjection, search)).toEqual([]);
  });

  it('40018: a page that prints the word "syntax error" for any quote is not a database error', async () => {
    expect(await attack(sqlInjection, (req, res) => void res.type('html').send(v(req).includes("'") ? 'Input syntax error: quotes are not allowed' : 'ok'))).toEqual([]);
  });

  it('90020: a filter that stalls any request mentioning sleep is not an injection', async () => {
    const tarpit = async (req: express.Request, res: express.Response): Promise<void> => {
      if (/sleep/.test(v(req))) await delay(3200);
      res.type('html').send('ok');
    };
    expect(await attack(commandInjection, tarpit)).toEqual([]);
  });

  it('20019: a redirect that keeps the visitor on the site, with the target in its query', async () => {
    expect(await attack(externalRedirect, (req, res) => res.redirect(`/login?next=${encodeURIComponent(v(req))}`))).toEqual([]);
  });
});
