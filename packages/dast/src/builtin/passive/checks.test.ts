import express from 'express';
import { recordingLogger } from '@rampart/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type Running } from '../../../test/apps/serve.js';
import { vulnerableApp } from '../../../test/apps/vulnerable.js';
import type { HttpResponse } from '../../http/client.js';
import type { DastResult } from '../../types.js';
import { builtinEngine } from '../engine.js';
import { antiCsrf } from './anti-csrf.js';
import { cookieSameSite } from './cookie-samesite.js';
import { cookieSecure } from './cookie-secure.js';
import { crossDomain } from './cross-domain.js';
import { cspWeak, scriptWeaknesses } from './csp-weak.js';
import { errorDisclosure } from './error-disclosure.js';
import { hstsMissing } from './hsts.js';
import { suspiciousComments } from './suspicious-comments.js';

function res(over: Partial<HttpResponse> = {}): HttpResponse {
  return { url: 'https://shop.example/', method: 'GET', status: 200, headers: { 'content-type': 'text/html' }, setCookies: [], body: '', elapsedMs: 1, ...over };
}
const ids = (raised: { def: { pluginId: string } }[]): string[] => raised.map((r) => r.def.pluginId);

describe('HTTPS-only checks', () => {
  it('10035 raises on HTTPS without HSTS, not with it and never on plain HTTP', () => {
    expect(ids(hstsMissing.check(res()))).toEqual(['10035']);
    expect(hstsMissing.check(res({ headers: { 'strict-transport-security': 'max-age=31536000' } }))).toEqual([]);
    expect(hstsMissing.check(res({ url: 'http://shop.example/' }))).toEqual([]);
  });

  it('10011 raises for a cookie without Secure over HTTPS only, and not for a deleted one', () => {
    expect(cookieSecure.check(res({ setCookies: ['sid=1; HttpOnly'] }))[0]?.instance).toMatchObject({ param: 'sid', evidence: 'sid=1' });
    expect(cookieSecure.check(res({ setCookies: ['sid=1; Secure; HttpOnly'] }))).toEqual([]);
    expect(cookieSecure.check(res({ setCookies: ['sid=; Max-Age=0'] }))).toEqual([]);
    expect(cookieSecure.check(res({ url: 'http://shop.example/', setCookies: ['sid=1'] }))).toEqual([]);
  });
});

describe('cookie and header checks', () => {
  it('10054 raises for a cookie without SameSite', () => {
    expect(ids(cookieSameSite.check(res({ setCookies: ['sid=1; Secure'] })))).toEqual(['10054']);
    expect(cookieSameSite.check(res({ setCookies: ['sid=1; SameSite=Lax'] }))).toEqual([]);
  });

  it('10098 raises for Access-Control-Allow-Origin: * only', () => {
    expect(ids(crossDomain.check(res({ headers: { 'access-control-allow-origin': '*' } })))).toEqual(['10098']);
    expect(crossDomain.check(res({ headers: { 'access-control-allow-origin': 'https://shop.example' } }))).toEqual([]);
  });

  it('10055 names wildcard, unsafe-inline and unsafe-eval script sources', () => {
    expect(scriptWeaknesses("default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval' *")).toEqual([
      'CSP: Wildcard Directive', 'CSP: script-src unsafe-inline', 'CSP: script-src unsafe-eval',
    ]);
    expect(scriptWeaknesses("default-src https:")).toEqual(['CSP: Wildcard Directive']);
    expect(scriptWeaknesses("script-src 'self' 'unsafe-inline' 'nonce-abc'")).toEqual([]);
    expect(scriptWeaknesses("default-src 'self'; style-src 'self' https: 'unsafe-inline'")).toEqual([]);
    expect(cspWeak.check(res({ headers: { 'content-security-policy': "script-src 'self'" } }))).toEqual([]);
  });
});

describe('body checks', () => {
  it('90022 finds stack traces and framework error pages, not the word "error"', () => {
    expect(ids(errorDisclosure.check(res({ body: '<pre>Error: boom<br> &nbsp; &nbsp;at Layer.handle [as handle_request] (/app/node_modules/express/lib/router/layer.js:95:5)</pre>' })))).toEqual(['90022']);
    expect(ids(errorDisclosure.check(res({ body: 'Traceback (most recent call last):\n  File "app.py", line 3' })))).toEqual(['90022']);
    expect(ids(errorDisclosure.check(res({ body: '<b>Warning</b>:  mysql_fetch_array() expects parameter 1 in <b>/var/www/a.php</b> on line <b>12</b>' })))).toEqual(['90022']);
    expect(errorDisclosure.check(res({ body: '<p>An error occurred. Please try again at 12:30.</p>' }))).toEqual([]);
  });

  it('10027 reads HTML and script comments, not strings or page text', () => {
    expect(suspiciousComments.check(res({ body: '<!-- TODO: remove the admin password --><p>hi</p>' }))[0]?.instance.evidence).toMatch(/TODO/);
    expect(ids(suspiciousComments.check(res({ body: '<script>var a = 1; // FIXME: debug only\n</script>' })))).toEqual(['10027']);
    expect(suspiciousComments.check(res({ body: '<p>Forgot your password? TODO list app</p><script>var u = "http://x/ TODO";</script><!-- navigation -->' }))).toEqual([]);
    expect(ids(suspiciousComments.check(res({ headers: { 'content-type': 'application/javascript' }, body: 'a();\n/* XXX: secret key below */' })))).toEqual(['10027']);
  });

  it('10202 raises for a POST form without a token on a page setting a cookie', () => {
    const form = '<form method="post" action="/transfer"><input name="amount"></form>';
    expect(ids(antiCsrf.check(res({ setCookies: ['sid=1'], body: form })))).toEqual(['10202']);
    expect(antiCsrf.check(res({ body: form }))).toEqual([]);
    expect(antiCsrf.check(res({ setCookies: ['sid=1'], body: '<form method="post"><input type="hidden" name="authenticity_token" value="x"><input name="a"></form>' }))).toEqual([]);
    expect(antiCsrf.check(res({ setCookies: ['sid=1'], body: '<form method="get"><input name="q"></form>' }))).toEqual([]);
  });
});

describe('passive checks on the vulnerable app', () => {
  let outside: Running;
  let app: Running;
  let scan: DastResult;
  beforeAll(async () => {
    outside = await serve(() => express());
    app = await serve(vulnerableApp(outside.url));
    const options = {
      target: app.url, mode: 'baseline' as const, include: [], exclude: ['/logout'], headers: {}, maxDurationSeconds: 60, maxDepth: 5,
      maxChildren: 50, requestBudget: 500, requestsPerSecond: 200, concurrency: 4, rules: new Map(), ajaxSpider: false,
    };
    scan = await builtinEngine({ version: '0.1.0' }).scan(options, { logger: recordingLogger(), now: () => new Date(0) });
  });
  afterAll(async () => {
    await Promise.all([outside.close(), app.close()]);
  });

  it.each([
    ['10054', '/'],
    ['10055', '/account'],
    ['90022', '/old-page'],
    ['10027', '/'],
    ['10202', '/'],
    ['10098', '/api/data'],
  ])('raises %s on %s', (ruleId, path) => {
    const where = scan.findings.filter((f) => f.ruleId === ruleId).map((f) => (f.location.type === 'url' ? new URL(f.location.url).pathname : ''));
    expect(where).toContain(path);
  });
});
