import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Ecosystem, Package } from '@rampart/inventory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchPackages, type MatchOptions } from '../match/match.js';
import { parsed, pkg } from '../match/packages.testkit.js';
import { fixtureRecords } from '../osv/fixtures.testkit.js';
import type { OsvRecord } from '../osv/types.js';
import { memorySource } from './memory.js';
import { offlineSource } from './offline.js';
import { onlineSource } from './online.js';
import { pullDatabase } from './pull.js';
import { startOsvServer, type OsvTestServer } from './testing/osv-server.js';

/*
 * Every version each fixture record names (bounds and listed versions), asked of the three sources: the records in
 * memory, the API and the offline mirror must give identical findings.
 */

const LANGUAGE: Record<string, Ecosystem> = { npm: 'npm', PyPI: 'pypi', Go: 'golang' };
const tool = { name: 'rampart', version: 'test' };
let server: OsvTestServer;
let cacheDir: string;

beforeAll(async () => {
  server = await startOsvServer([...fixtureRecords().values()]);
  cacheDir = mkdtempSync(join(tmpdir(), 'rampart-sources-'));
  await pullDatabase({ ecosystems: ['npm', 'PyPI', 'Go', 'Alpine', 'Ubuntu'], cacheDir, baseUrl: server.url });
});
afterAll(async () => {
  await server.close();
  rmSync(cacheDir, { recursive: true, force: true });
});

function versionsNamed(record: OsvRecord, ecosystemPrefix: string): { name: string; version: string }[] {
  return record.affected
    .filter((a) => a.package.ecosystem.startsWith(ecosystemPrefix))
    .flatMap((a) => [...a.versions, ...a.ranges.filter((r) => r.type !== 'GIT').flatMap((r) => r.events.map((e) => e.version))].filter((v) => v !== '0').map((version) => ({ name: a.package.name, version })));
}

const records = () => [...fixtureRecords().values()].map(parsed);

async function compare(packages: Package[], options: MatchOptions): Promise<number> {
  const fromMemory = await matchPackages(packages, memorySource(records()), options);
  const fromApi = await matchPackages(packages, onlineSource({ baseUrl: server.url, backoffMs: 1 }), options);
  const fromMirror = await matchPackages(packages, offlineSource({ cacheDir }), options);
  expect(fromApi).toEqual(fromMemory);
  expect(fromMirror).toEqual(fromMemory);
  return fromMemory.length;
}

describe('memory, API and offline mirror agree', () => {
  it('on every version the language records name', async () => {
    const packages = records().flatMap((r) =>
      Object.entries(LANGUAGE).flatMap(([osv, ours]) => versionsNamed(r, osv).map(({ name, version }) => pkg(ours, name, ours === 'golang' ? `v${version}` : version))),
    );
    expect(packages.length).toBeGreaterThan(80);
    expect(await compare(packages, { tool })).toBeGreaterThan(60);
  });

  it('on the Alpine record, in a container on the release it names', async () => {
    const packages = records().flatMap((r) => versionsNamed(r, 'Alpine').map(({ name, version }) => pkg('apk', name, version, 'lib/apk/db/installed')));
    packages.push(pkg('apk', 'xen', '4.13.2-r0', 'lib/apk/db/installed'));
    expect(await compare(packages, { tool, kind: 'container', image: 'img', distro: { id: 'alpine', versionId: '3.11.6' } })).toBe(1);
  });
});
