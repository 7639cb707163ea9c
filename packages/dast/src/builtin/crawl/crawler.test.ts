import express from 'express';
import { recordingLogger } from '@rampart/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type Running } from '../../../test/apps/serve.js';
import { ScopedHttp } from '../../http/client.js';
import { makeScope } from '../../scope.js';
import { crawl } from './crawler.js';

let app: Running;
beforeAll(async () => {
  app = await serve(() => {
    const a = express();
    a.get('/', (_req, res) => {
      res.type('html').send(`<html><body>
<form method="post" action="/signup"><input type="email" name="email"><input type="number" name="age"><input type="date" name="born">
<textarea name="bio"></textarea><input type="hidden" name="csrf_token" value="t0k"><input type="hidden" name="plan" value="free">
<select name="country"><option value="fr">France</option><option value="de">Germany</option></select><input type="submit" value="go">
<button name="action" value="save">save</button><button name="other" value="x">other</button></form>
<form action="/search"><input name="q" value="shoes"></form></body></html>`);
    });
    return a;
  });
});
afterAll(() => app.close());

describe('crawl: form injection points', () => {
  it('fills empty fields with values of their type, sends the first named submit button and never attacks it or the anti-CSRF token', async () => {
    const scope = makeScope(app.url);
    const http = new ScopedHttp(scope, { budget: 50, requestsPerSecond: 1000, concurrency: 2, timeoutMs: 5000, maxBodyBytes: 1 << 20, headers: {} });
    const { points } = await crawl(http, scope, { target: app.url, maxDepth: 1, maxChildren: 10 }, recordingLogger());
    const signup = points.filter((p) => p.url.endsWith('/signup'));
    expect(signup.map((p) => p.param).sort()).toEqual(['age', 'bio', 'born', 'country', 'email', 'plan']);
    expect(signup[0]?.params).toEqual({ email: 'rampart@example.com', age: '1', born: '2024-01-01', bio: 'rampart', csrf_token: 't0k', plan: 'free', country: 'fr', action: 'save' });
    expect(points.find((p) => p.param === 'q')).toMatchObject({ method: 'GET', url: `${app.url}search`, params: { q: 'shoes' } });
  });
});
