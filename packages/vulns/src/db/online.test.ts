import { ServiceError } from '@rampart/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { matchPackages } from '../match/match.js';
import { parsed, pkg } from '../match/packages.testkit.js';
import { fixtureRecords } from '../osv/fixtures.testkit.js';
import { memorySource } from './memory.js';
import { onlineSource, type OnlineOptions } from './online.js';
import { startOsvServer, type OsvTestServer } from './testing/osv-server.js';

const tool = { name: 'rampart', version: 'test' };
let server: OsvTestServer;
const sleeps: number[] = [];
const fast: OnlineOptions = { backoffMs: 1, sleep: (ms) => (sleeps.push(ms), Promise.resolve()) };

beforeAll(async () => {
  server = await startOsvServer([...fixtureRecords().values()]);
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.pageSize = Number.POSITIVE_INFINITY;
  sleeps.length = 0;
});

const packages = [pkg('npm', 'lodash', '4.17.15'), pkg('pypi', 'Requests', '2.30.0', 'requirements.txt'), pkg('golang', 'golang.org/x/text', 'v0.3.6', 'go.mod')];

describe('onlineSource against a local OSV server', () => {
  it('querybatch then one GET per record; the same findings as the records in memory', async () => {
    const source = onlineSource({ ...fast, baseUrl: server.url });
    const online = await matchPackages(packages, source, { tool });
    const offline = await matchPackages(packages, memorySource([...fixtureRecords().values()].map(parsed)), { tool });
    expect(online).toEqual(offline);
    expect(online.map((f) => f.ruleId).sort()).toEqual(['CVE-2020-8203', 'CVE-2021-23337', 'CVE-2021-38561', 'CVE-2023-32681']);
    const batches = server.requests.filter((r) => r.path === '/v1/querybatch');
    expect(batches).toHaveLength(1);
    expect(batches[0]?.body).toEqual({
      queries: [
        { package: { name: 'lodash', ecosystem: 'npm' }, version: '4.17.15' },
        { package: { name: 'requests', ecosystem: 'PyPI' }, version: '2.30.0' },
        { package: { name: 'golang.org/x/text', ecosystem: 'Go' }, version: '0.3.6' },
      ],
    });
    const gets = server.requests.filter((r) => r.method === 'GET').map((r) => r.path).sort();
    expect(gets).toEqual(['/v1/vulns/GHSA-35jh-r3h4-6jhm', '/v1/vulns/GHSA-j8r2-6x86-q33q', '/v1/vulns/GHSA-p6mc-m468-83gw', '/v1/vulns/GO-2021-0113', '/v1/vulns/PYSEC-2023-74']);
  });

  it('fetches record details at most `concurrency` at a time', async () => {
    const base = fixtureRecords().get('GHSA-35jh-r3h4-6jhm')!;
    // Twenty variants of one real record under made-up ids, all naming the same package.
    const variants = Array.from({ length: 20 }, (_, i) => ({ ...base, id: `OSV-TEST-${i}`, aliases: [] }));
    const busy = await startOsvServer(variants);
    try {
      busy.detailDelayMs = 20;
      const answer = await onlineSource({ ...fast, concurrency: 3, baseUrl: busy.url }).query([{ ecosystem: 'npm', name: 'lodash', version: '4.17.15' }]);
      expect(answer.records[0]).toHaveLength(20);
      expect(busy.maxInFlight).toBe(3);
    } finally {
      await busy.close();
    }
  });

  it('caches records for the life of the source (one run)', async () => {
    const source = onlineSource({ ...fast, baseUrl: server.url });
    await source.query([{ ecosystem: 'npm', name: 'lodash', version: '4.17.15' }]);
    await source.query([{ ecosystem: 'npm', name: 'lodash', version: '4.17.20' }]);
    expect(server.requests.filter((r) => r.method === 'GET')).toHaveLength(2);
    expect(server.requests.filter((r) => r.path === '/v1/querybatch')).toHaveLength(2);
  });

  it('follows next_page_token per query until every page is read', async () => {
    server.pageSize = 1;
    const answer = await onlineSource({ ...fast, baseUrl: server.url }).query([
      { ecosystem: 'npm', name: 'lodash', version: '4.17.15' },
      { ecosystem: 'Go', name: 'golang.org/x/text', version: '0.3.6' },
    ]);
    expect(answer.records[0]?.map((r) => r.id).sort()).toEqual(['GHSA-35jh-r3h4-6jhm', 'GHSA-p6mc-m468-83gw']);
    expect(answer.records[1]?.map((r) => r.id)).toEqual(['GO-2021-0113']);
    const batches = server.requests.filter((r) => r.path === '/v1/querybatch').map((r) => r.body as { queries: { page_token?: string }[] });
    expect(batches).toHaveLength(2);
    // Only the query that had another page is asked again, with its token.
    expect(batches[1]?.queries).toEqual([{ package: { name: 'lodash', ecosystem: 'npm' }, version: '4.17.15', page_token: Buffer.from('1').toString('base64') }]);
  });

  it('sends at most 1000 queries per querybatch request', async () => {
    const many = Array.from({ length: 1001 }, (_, i) => ({ ecosystem: 'npm', name: `pkg-${i}`, version: '1.0.0' }));
    await onlineSource({ ...fast, baseUrl: server.url }).query(many);
    const sizes = server.requests.filter((r) => r.path === '/v1/querybatch').map((r) => (r.body as { queries: unknown[] }).queries.length);
    expect(sizes).toEqual([1000, 1]);
  });

  it('waits as Retry-After says on 429, then succeeds', async () => {
    server.script('/v1/querybatch', [{ status: 429, headers: { 'retry-after': '2' } }]);
    const answer = await onlineSource({ ...fast, baseUrl: server.url }).query([{ ecosystem: 'npm', name: 'lodash', version: '4.17.15' }]);
    expect(answer.records[0]).toHaveLength(2);
    expect(sleeps).toEqual([2000]);
    expect(server.requests.filter((r) => r.path === '/v1/querybatch')).toHaveLength(2);
  });

  it('a Retry-After beyond what it will wait is a ServiceError, not a hang', async () => {
    server.script('/v1/querybatch', [{ status: 429, headers: { 'retry-after': '3600' } }]);
    await expect(onlineSource({ ...fast, baseUrl: server.url }).query([{ ecosystem: 'npm', name: 'lodash', version: '1.0.0' }])).rejects.toThrow(/rate limiting/);
  });

  it('retries 5xx with growing backoff, then succeeds', async () => {
    server.script('/v1/vulns/GO-2021-0113', [{ status: 500 }, { status: 503 }]);
    const answer = await onlineSource({ ...fast, backoffMs: 100, baseUrl: server.url }).query([{ ecosystem: 'Go', name: 'golang.org/x/text', version: '0.3.6' }]);
    expect(answer.records[0]?.map((r) => r.id)).toEqual(['GO-2021-0113']);
    expect(server.requests.filter((r) => r.path === '/v1/vulns/GO-2021-0113')).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
    expect(sleeps[0]).toBeGreaterThanOrEqual(50);
    expect(sleeps[0]).toBeLessThanOrEqual(100);
    expect(sleeps[1]).toBeGreaterThanOrEqual(100);
    expect(sleeps[1]).toBeLessThanOrEqual(200);
  });

  it('gives up after the retries with a ServiceError naming the service', async () => {
    server.script('/v1/querybatch', Array.from({ length: 3 }, () => ({ status: 502 })));
    const err = await onlineSource({ ...fast, retries: 2, baseUrl: server.url }).query([{ ecosystem: 'npm', name: 'lodash', version: '1.0.0' }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceError);
    expect(String(err)).toMatch(/osv\.dev is unreachable: .*querybatch failed 3 times \(last: HTTP 502\)/);
  });

  it('a refused request (4xx) is a ServiceError at once', async () => {
    server.script('/v1/querybatch', [{ status: 400, body: '{"message":"Invalid query"}' }]);
    await expect(onlineSource({ ...fast, baseUrl: server.url }).query([{ ecosystem: 'npm', name: 'x', version: '1' }])).rejects.toThrow(/refused .*HTTP 400/);
    expect(server.requests).toHaveLength(1);
  });

  it('an unreachable service is a ServiceError after retrying network errors', async () => {
    const closed = await startOsvServer([]);
    const url = closed.url;
    await closed.close();
    await expect(onlineSource({ ...fast, retries: 1, baseUrl: url }).query([{ ecosystem: 'npm', name: 'x', version: '1' }])).rejects.toThrow(/unreachable.*failed 2 times/);
  });

  it('stops at the total time limit', async () => {
    const hanging = (_input: string, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error)));
    const started = Date.now();
    await expect(onlineSource({ ...fast, fetch: hanging, timeoutMs: 300, baseUrl: server.url }).query([{ ecosystem: 'npm', name: 'x', version: '1' }])).rejects.toThrow(/before the time limit/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a record the API lists but cannot serve is reported, the rest still match', async () => {
    server.script('/v1/vulns/GHSA-p6mc-m468-83gw', [{ status: 404 }]);
    const answer = await onlineSource({ ...fast, baseUrl: server.url }).query([{ ecosystem: 'npm', name: 'lodash', version: '4.17.15' }]);
    expect(answer.records[0]?.map((r) => r.id)).toEqual(['GHSA-35jh-r3h4-6jhm']);
    expect(answer.problems).toEqual(['GHSA-p6mc-m468-83gw: listed by /v1/querybatch but /v1/vulns answered 404']);
  });
});
