import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offlineSource } from './offline.js';
import { pullDatabase } from './pull.js';
import { startOsvServer, type OsvTestServer } from './testing/osv-server.js';
import { buildZip } from '@rampart/core';

/*
 * npm's real all.zip has far more than 65535 entries (malicious-package records alone), so its end of central
 * directory is ZIP64. 70000 small records in a ZIP64 archive: the pull indexes them all and a lookup reads one.
 */

const COUNT = 70_000;
let server: OsvTestServer;
let cacheDir: string;

beforeAll(async () => {
  server = await startOsvServer([]);
  cacheDir = mkdtempSync(join(tmpdir(), 'rampart-scale-'));
});
afterAll(async () => {
  await server.close();
  rmSync(cacheDir, { recursive: true, force: true });
});

describe('a large archive', () => {
  it('pulls 70000 records from a ZIP64 archive and finds one package', async () => {
    const entries = Array.from({ length: COUNT }, (_, i) => ({
      name: `MAL-2026-${i}.json`,
      method: 'store' as const,
      data: JSON.stringify({ id: `MAL-2026-${i}`, modified: '2026-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'npm', name: `evil-${i % 35_000}` }, versions: ['1.0.0'] }] }),
    }));
    const zip = buildZip(entries, { zip64: true });
    server.script('/npm/all.zip', [{ status: 200, body: zip }]);
    const [result] = await pullDatabase({ ecosystems: ['npm'], cacheDir, baseUrl: server.url });
    expect(result).toMatchObject({ records: COUNT, skipped: 0 });
    const answer = await offlineSource({ cacheDir }).query([{ ecosystem: 'npm', name: 'evil-123', version: '1.0.0' }]);
    expect(answer.records[0]?.map((r) => r.id)).toEqual(['MAL-2026-123', 'MAL-2026-35123']);
  }, 120_000);
});
