import express from 'express';
import { recordingLogger } from '@rampart/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hardenedApp } from '../../test/apps/hardened.js';
import { serve, type Running } from '../../test/apps/serve.js';
import { vulnerableApp } from '../../test/apps/vulnerable.js';
import type { DastOptions } from '../types.js';
import { builtinEngine } from './engine.js';

let outside: Running;
let vulnerable: Running;
let hardened: Running;

beforeAll(async () => {
  outside = await serve((hits) => {
    const app = express();
    app.use((req, res) => {
      hits.push(`${req.method} ${req.originalUrl}`);
      res.send('partner');
    });
    return app;
  });
  vulnerable = await serve(vulnerableApp(outside.url));
  hardened = await serve(hardenedApp());
});
afterAll(async () => {
  await Promise.all([outside.close(), vulnerable.close(), hardened.close()]);
});

const options = (target: string, over: Partial<DastOptions> = {}): DastOptions => ({
  target, mode: 'baseline', include: [], exclude: ['/logout'], headers: {}, maxDurationSeconds: 60, maxDepth: 5,
  maxChildren: 50, requestBudget: 500, requestsPerSecond: 200, concurrency: 4, rules: new Map(), ajaxSpider: false, ...over,
});
const deps = { logger: recordingLogger(), now: () => new Date('2026-01-01T00:00:00Z') };
const engine = builtinEngine({ version: '0.1.0' });

describe('built-in engine, baseline', () => {
  it('crawls links, forms and robots.txt and reports the missing headers, leaks and cookie flags', async () => {
    const r = await engine.scan(options(vulnerable.url), deps);
    const ids = new Set(r.findings.map((f) => f.ruleId));
    for (const id of ['10038', '10020', '10021', '10037', '10010']) expect(ids, id).toContain(id);
    const urls = r.scannedResources.map((s) => s.url);
    expect(urls).toContain(`${vulnerable.url}search?q=shoes`);
    expect(urls).toContain(`${vulnerable.url}admin-hidden`);
    expect(r.findings.find((f) => f.ruleId === '10010')?.location).toMatchObject({ type: 'url', param: 'session' });
    expect(JSON.parse(r.zapReport)).toMatchObject({ '@programName': 'rampart-dast', site: [{ '@host': '127.0.0.1' }] });
  });

  it('never leaves the target origin and never requests excluded URLs', async () => {
    await engine.scan(options(vulnerable.url), deps);
    expect(outside.hits).toEqual([]);
    expect(vulnerable.hits).not.toContain('GET /logout');
  });

  it('reports none of these on the hardened twin', async () => {
    const r = await engine.scan(options(hardened.url), deps);
    expect(r.findings.map((f) => `${f.ruleId} ${f.location.type === 'url' ? f.location.url : ''}`)).toEqual([]);
  });

  it('keeps to the request budget and says the scan stopped early', async () => {
    const before = vulnerable.hits.length;
    const r = await engine.scan(options(vulnerable.url, { requestBudget: 3 }), deps);
    expect(vulnerable.hits.length - before).toBe(3);
    expect(r.notifications[0]?.message).toMatch(/stopped early.*budget \(3\)/);
  });

  it('fails with a service error when the target is down', async () => {
    await expect(engine.scan(options('http://127.0.0.1:9/'), deps)).rejects.toThrow(/failed/);
  });
});
