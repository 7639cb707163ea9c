import { ServiceError, recordingLogger } from '@rampart/core';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeZap, type FakeZap } from '../../test/support/fake-zap.js';
import type { DastOptions } from '../types.js';
import { zapEngine } from './driver.js';

const KEY = 'zap-api-key-for-tests';
const target = 'http://127.0.0.1:3000/';

function options(over: Partial<DastOptions> = {}): DastOptions {
  return {
    target, mode: 'baseline', include: [], exclude: ['.*logout.*'], headers: { Authorization: 'Bearer abc' },
    maxDurationSeconds: 60, maxDepth: 5, maxChildren: 10, requestBudget: 1000, requestsPerSecond: 10, concurrency: 2,
    rules: new Map(), ajaxSpider: false, ...over,
  };
}

const alert = (pluginId: string, i: number, risk = 'Medium') => ({
  pluginId, alertRef: pluginId, alert: `Alert ${pluginId}`, name: `Alert ${pluginId}`, risk, confidence: 'Medium',
  cweid: '693', wascid: '15', description: 'desc', solution: 'fix it', reference: 'https://example.test/ref',
  url: `${target}page/${i}`, method: 'GET', param: i % 2 ? 'q' : '', evidence: 'evidence',
});

const deps = { logger: recordingLogger(), now: () => new Date('2026-01-01T00:00:00Z'), sleep: async () => {} };

let zap: FakeZap | undefined;
afterEach(async () => {
  await zap?.close();
  zap = undefined;
});

describe('zapEngine against a fake ZAP API', () => {
  it('waits for start-up, scopes a context to the target, spiders, drains the passive queue and reads every alert page', async () => {
    const alerts = [...Array.from({ length: 1100 }, (_, i) => alert('10038', i)), alert('10021', 1, 'Low'), alert('40012', 2, 'High')];
    zap = await startFakeZap({ apiKey: KEY, refuseFirst: 2, alerts, urls: [`${target}`, `${target}page/1`] });
    const r = await zapEngine({ url: zap.url, apiKey: KEY, pollMs: 1 }).scan(options(), deps);
    const paths = zap.calls.map((c) => c.path);
    expect(zap.calls.find((c) => c.path === 'context/action/includeInContext')?.query.regex).toBe('^http://127\\.0\\.0\\.1:3000(/.*)?$');
    expect(zap.calls.find((c) => c.path === 'context/action/excludeFromContext')?.query.regex).toBe('.*logout.*');
    expect(zap.calls.find((c) => c.path === 'replacer/action/addRule')?.query).toMatchObject({ matchString: 'Authorization', replacement: 'Bearer abc', matchType: 'REQ_HEADER' });
    expect(paths).toContain('pscan/view/recordsToScan');
    expect(paths).not.toContain('ascan/action/scan');
    expect(paths.filter((p) => p === 'alert/view/alerts')).toHaveLength(3);
    expect(r.findings).toHaveLength(1102);
    expect(r.alerts).toHaveLength(3);
    expect(r.findings.find((f) => f.ruleId === '40012')).toMatchObject({ severity: 'high', kind: 'dast', location: { type: 'url', url: `${target}page/2` } });
    expect(r.tool).toEqual({ name: 'ZAP', version: '2.16.0' });
    expect(r.scannedResources).toEqual([{ method: 'GET', url: target }, { method: 'GET', url: `${target}page/1` }]);
    expect(JSON.parse(r.zapReport)).toMatchObject({ '@programName': 'ZAP' });
  });

  it('leaves out the alerts of IGNORE rules and says so', async () => {
    zap = await startFakeZap({ apiKey: KEY, alerts: [alert('10038', 1), alert('10021', 2)] });
    const r = await zapEngine({ url: zap.url, apiKey: KEY, pollMs: 1 }).scan(options({ rules: new Map([['10038', 'IGNORE']]) }), deps);
    expect(r.findings.map((f) => f.ruleId)).toEqual(['10021']);
    expect(r.notifications[0]?.message).toMatch(/1 alert\(s\) .* IGNORE/);
  });

  it('runs the active scan in full mode and imports the OpenAPI definition in api mode', async () => {
    zap = await startFakeZap({ apiKey: KEY });
    await zapEngine({ url: zap.url, apiKey: KEY, pollMs: 1 }).scan(options({ mode: 'full' }), deps);
    expect(zap.calls.find((c) => c.path === 'ascan/action/scan')?.query).toMatchObject({ contextId: '1', recurse: 'true' });
    await zap.close();
    zap = await startFakeZap({ apiKey: KEY });
    await zapEngine({ url: zap.url, apiKey: KEY, pollMs: 1 }).scan(options({ mode: 'api', openapi: { url: `${target}openapi.json` } }), deps);
    expect(zap.calls.find((c) => c.path === 'openapi/action/importUrl')?.query).toMatchObject({ url: `${target}openapi.json`, hostOverride: '127.0.0.1:3000' });
  });

  it('stops a spider that outlives the time limit', async () => {
    zap = await startFakeZap({ apiKey: KEY, spiderStep: 0 });
    await zapEngine({ url: zap.url, apiKey: KEY, pollMs: 5 }).scan(options({ maxDurationSeconds: 0.05 }), { ...deps, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) });
    expect(zap.calls.map((c) => c.path)).toContain('spider/action/stop');
  });

  it('gives a ServiceError when ZAP never starts, and one with ZAP\'s message for a bad API key', async () => {
    await expect(zapEngine({ url: 'http://127.0.0.1:9', apiKey: KEY, pollMs: 1, startupTimeoutMs: 20 }).scan(options(), deps)).rejects.toThrow(/did not start within/);
    zap = await startFakeZap({ apiKey: KEY });
    const run = zapEngine({ url: zap.url, apiKey: 'wrong', pollMs: 1, startupTimeoutMs: 20 }).scan(options(), deps);
    await expect(run).rejects.toBeInstanceOf(ServiceError);
    await expect(run).rejects.toThrow(/Bad API key/);
  });
});
