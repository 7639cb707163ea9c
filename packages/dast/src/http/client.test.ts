import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ServiceError } from '@rampart/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeScope } from '../scope.js';
import { BudgetExhaustedError, OutOfScopeError, ScopedHttp } from './client.js';

let target: Server;
let other: Server;
let otherHits = 0;
let base = '';
let otherBase = '';

const listen = async (s: Server) => {
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
};

beforeAll(async () => {
  other = createServer((_req, res) => {
    otherHits++;
    res.end('other');
  });
  otherBase = await listen(other);
  target = createServer((req, res) => {
    if (req.url === '/redirect') {
      res.writeHead(302, { location: `${otherBase}/` });
      return res.end();
    }
    if (req.url === '/big') return res.end('x'.repeat(100_000));
    res.setHeader('set-cookie', ['a=1; HttpOnly', 'b=2']);
    res.end(`hello ${req.headers.authorization ?? ''}`);
  });
  base = await listen(target);
});
afterAll(async () => {
  await new Promise((r) => target.close(r));
  await new Promise((r) => other.close(r));
});

const limits = { budget: 5, requestsPerSecond: 1000, concurrency: 2, timeoutMs: 5000, maxBodyBytes: 1000, headers: { authorization: 'Bearer t' } };

describe('ScopedHttp', () => {
  it('sends in-scope requests with the auth header and reads cookies one by one', async () => {
    const http = new ScopedHttp(makeScope(base), limits);
    const res = await http.send({ method: 'GET', url: `${base}/` });
    expect(res.body).toBe('hello Bearer t');
    expect(res.setCookies).toEqual(['a=1; HttpOnly', 'b=2']);
    expect(http.requested).toEqual([{ method: 'GET', url: `${base}/` }]);
  });

  it('never sends out of scope and never follows a redirect to another origin', async () => {
    const http = new ScopedHttp(makeScope(base), limits);
    await expect(http.send({ method: 'GET', url: `${otherBase}/` })).rejects.toBeInstanceOf(OutOfScopeError);
    const res = await http.send({ method: 'GET', url: `${base}/redirect` });
    expect(res.status).toBe(302);
    expect(otherHits).toBe(0);
  });

  it('stops at the budget and cuts big bodies', async () => {
    const http = new ScopedHttp(makeScope(base), { ...limits, budget: 2 });
    expect((await http.send({ method: 'GET', url: `${base}/big` })).body).toHaveLength(1000);
    await http.send({ method: 'GET', url: `${base}/` });
    await expect(http.send({ method: 'GET', url: `${base}/` })).rejects.toBeInstanceOf(BudgetExhaustedError);
    expect(http.budgetHit).toBe(true);
    expect(http.count).toBe(2);
  });

  it('keeps to the rate limit', async () => {
    const http = new ScopedHttp(makeScope(base), { ...limits, requestsPerSecond: 20, budget: 100 });
    const started = Date.now();
    await Promise.all(Array.from({ length: 6 }, () => http.send({ method: 'GET', url: `${base}/` })));
    // 6 requests at 20/s need at least 5 intervals of 50 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
  });

  it('turns a target that is down into a ServiceError', async () => {
    const http = new ScopedHttp(makeScope('http://127.0.0.1:9/'), limits);
    await expect(http.send({ method: 'GET', url: 'http://127.0.0.1:9/' })).rejects.toBeInstanceOf(ServiceError);
  });
});
