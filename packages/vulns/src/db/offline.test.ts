import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildZip, ServiceError, UserError } from '@rampart/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { matchPackages, type MatchOptions } from '../match/match.js';
import { pkg } from '../match/packages.testkit.js';
import { fixtureRecords } from '../osv/fixtures.testkit.js';
import { metadataPath, mirrorRoot } from './layout.js';
import { offlineSource } from './offline.js';
import { onlineSource } from './online.js';
import { pullDatabase } from './pull.js';
import { startOsvServer, type OsvTestServer } from './testing/osv-server.js';

const tool = { name: 'rampart', version: 'test' };
const fast = { backoffMs: 1, sleep: () => Promise.resolve() };
let server: OsvTestServer;
let cacheDir: string;

beforeAll(async () => {
  server = await startOsvServer([...fixtureRecords().values()]);
});
afterAll(() => server.close());
beforeEach(() => {
  cacheDir = mkdtempSync(join(tmpdir(), 'rampart-osv-cache-'));
  server.requests.length = 0;
  return () => rmSync(cacheDir, { recursive: true, force: true });
});

const pull = (ecosystems: string[], now?: Date) => pullDatabase({ ...fast, ecosystems, cacheDir, baseUrl: server.url, ...(now ? { now: () => now } : {}) });

describe('pullDatabase', () => {
  it('downloads each archive and records what it pulled and when', async () => {
    const when = new Date('2026-11-01T10:00:00Z');
    const results = await pull(['npm', 'PyPI', 'Go', 'Alpine', 'Ubuntu'], when);
    expect(results.map((r) => [r.ecosystem, r.records, r.skipped])).toEqual([
      ['npm', 2, 0],
      ['PyPI', 2, 0],
      ['Go', 1, 0],
      ['Alpine', 1, 0],
      ['Ubuntu', 1, 0],
    ]);
    expect(server.requests.map((r) => r.path)).toEqual(['/npm/all.zip', '/PyPI/all.zip', '/Go/all.zip', '/Alpine/all.zip', '/Ubuntu/all.zip']);
    const meta = JSON.parse(readFileSync(metadataPath(cacheDir), 'utf8')) as { ecosystems: Record<string, { pulledAt: string; url: string }> };
    expect(meta.ecosystems['npm']).toMatchObject({ pulledAt: '2026-11-01T10:00:00.000Z', url: `${server.url}/npm/all.zip` });
    // Nothing half-written is left behind, and the archive itself is not kept.
    expect(readdirSync(join(mirrorRoot(cacheDir), '.tmp'))).toEqual([]);
    const npmVersions = readdirSync(join(mirrorRoot(cacheDir), 'npm'));
    expect(npmVersions).toHaveLength(1);
    expect(readdirSync(join(mirrorRoot(cacheDir), 'npm', npmVersions[0]!)).sort()).toEqual(['index.json', 'records.jsonl']);
  });

  it('a new pull switches to a new version and prunes all but the previous one', async () => {
    await pull(['Go'], new Date('2026-11-01T00:00:00Z'));
    await pull(['Go'], new Date('2026-11-02T00:00:00Z'));
    await pull(['Go'], new Date('2026-11-03T00:00:00Z'));
    const versions = readdirSync(join(mirrorRoot(cacheDir), 'Go')).sort();
    expect(versions).toHaveLength(2);
    expect(versions[1]).toMatch(/^20261103/);
    const [db] = await offlineSource({ cacheDir, now: () => new Date('2026-11-04T00:00:00Z') }).databases();
    expect(db).toMatchObject({ ecosystem: 'Go', pulledAt: '2026-11-03T00:00:00.000Z', ageMs: 86_400_000, records: 1 });
  });

  it('retries a failing download', async () => {
    server.script('/Go/all.zip', [{ status: 503 }]);
    const [result] = await pull(['Go']);
    expect(result?.records).toBe(1);
    expect(server.requests.filter((r) => r.path === '/Go/all.zip')).toHaveLength(2);
  });

  it('skips archive entries that are not records, with the reason', async () => {
    const zip = buildZip([
      { name: 'GO-2021-0113.json', data: readFileSync(join(import.meta.dirname, '../../test/fixtures/osv/GO-2021-0113.json')) },
      { name: 'broken.json', data: '{"id": ' },
      { name: 'no-id.json', data: '{"affected": []}' },
    ]);
    server.script('/Go/all.zip', [{ status: 200, body: zip, headers: { 'content-type': 'application/zip' } }]);
    const [result] = await pull(['Go']);
    expect(result).toMatchObject({ records: 1, skipped: 2 });
    expect(result?.problems[0]).toMatch(/^broken\.json: not JSON/);
    expect(result?.problems[1]).toMatch(/^no-id\.json: not an OSV record: id/);
  });

  it('an archive that is not a zip is a ServiceError and leaves the previous database in place', async () => {
    await pull(['Go']);
    const before = readFileSync(metadataPath(cacheDir), 'utf8');
    server.script('/Go/all.zip', [{ status: 200, body: 'this is not a zip file' }]);
    await expect(pull(['Go'])).rejects.toThrow(/not a usable zip/);
    expect(readFileSync(metadataPath(cacheDir), 'utf8')).toBe(before);
    expect(readdirSync(join(mirrorRoot(cacheDir), '.tmp'))).toEqual([]);
  });

  it('an archive over the download cap, or a connection dropped mid-body, is a ServiceError', async () => {
    await expect(pullDatabase({ ...fast, ecosystems: ['npm'], cacheDir, baseUrl: server.url, maxDownloadBytes: 100 })).rejects.toThrow(/larger than 100 bytes/);
    const dropping = () =>
      Promise.resolve(
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new Uint8Array([80, 75]));
              controller.error(new TypeError('terminated'));
            },
          }),
        ),
      );
    const err = await pullDatabase({ ...fast, fetch: dropping, ecosystems: ['npm'], cacheDir, baseUrl: server.url }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceError);
    expect(String(err)).toMatch(/failed after \d+ bytes: TypeError: terminated/);
    expect(readdirSync(join(mirrorRoot(cacheDir), '.tmp'))).toEqual([]);
  });

  it('rejects ecosystem names that are releases, paths or unknown to the bucket', async () => {
    await expect(pull(['Debian:12'])).rejects.toThrow(/pull whole ecosystems, not releases/);
    await expect(pull(['../etc'])).rejects.toBeInstanceOf(UserError);
    await expect(pull(['Nope'])).rejects.toThrow(/no archive for ecosystem "Nope"/);
    expect(existsSync(join(mirrorRoot(cacheDir), 'Nope'))).toBe(false);
  });
});

describe('offlineSource', () => {
  const apps = [pkg('npm', 'lodash', '4.17.15'), pkg('pypi', 'Requests', '2.30.0', 'requirements.txt'), pkg('golang', 'golang.org/x/text', 'v0.3.6', 'go.mod'), pkg('npm', 'lodash.pick', '4.4.0')];
  const image = [pkg('apk', 'xen', '4.13.2-r0', 'lib/apk/db/installed')];
  const containerOptions: MatchOptions = { tool, kind: 'container', image: 'alpine:3.11', distro: { id: 'alpine', versionId: '3.11.6' } };

  it('gives the same findings as the online API', async () => {
    await pull(['npm', 'PyPI', 'Go', 'Alpine']);
    const offline = offlineSource({ cacheDir });
    const online = onlineSource({ ...fast, baseUrl: server.url });
    const fromOffline = await matchPackages(apps, offline, { tool });
    expect(fromOffline.map((f) => f.ruleId).sort()).toEqual(['CVE-2020-8203', 'CVE-2020-8203', 'CVE-2021-23337', 'CVE-2021-38561', 'CVE-2023-32681']);
    expect(fromOffline).toEqual(await matchPackages(apps, online, { tool }));
    const imageOffline = await matchPackages(image, offline, containerOptions);
    expect(imageOffline.map((f) => f.ruleId)).toEqual(['CVE-2021-28687']);
    expect(imageOffline).toEqual(await matchPackages(image, online, containerOptions));
  });

  it('tells the user to pull an ecosystem that is missing', async () => {
    await pull(['npm']);
    const err = await offlineSource({ cacheDir }).query([{ ecosystem: 'Debian:12', name: 'openssl', version: '3.0.11-1~deb12u2' }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(String(err)).toMatch(/has no Debian data; run `rampart db pull --ecosystem Debian`/);
    expect((err as UserError).file).toBe(metadataPath(cacheDir));
    expect((err as UserError).field).toBe('ecosystems.Debian');
  });

  it('without any pull, says there is no database yet', async () => {
    await expect(offlineSource({ cacheDir }).query([{ ecosystem: 'npm', name: 'x', version: '1' }])).rejects.toThrow(/no offline OSV database yet/);
  });

  it('a corrupt metadata file is a UserError naming the file', async () => {
    await pull(['npm']);
    writeFileSync(metadataPath(cacheDir), '{"format": 1, "ecosystems": {"npm": {"version": "x"}}}');
    const err = await offlineSource({ cacheDir }).query([{ ecosystem: 'npm', name: 'lodash', version: '1' }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).file).toBe(metadataPath(cacheDir));
    expect(String(err)).toMatch(/corrupt/);
  });

  it('reads only the lines of the packages asked for', async () => {
    await pull(['npm']);
    const answer = await offlineSource({ cacheDir }).query([
      { ecosystem: 'npm', name: 'lodash-es', version: '4.17.15' },
      { ecosystem: 'npm', name: 'left-pad', version: '1.0.0' },
      { ecosystem: 'npm', name: 'constructor', version: '1.0.0' },
    ]);
    expect(answer.records.map((list) => list.map((r) => r.id).sort())).toEqual([['GHSA-35jh-r3h4-6jhm', 'GHSA-p6mc-m468-83gw'], [], []]);
  });
});
