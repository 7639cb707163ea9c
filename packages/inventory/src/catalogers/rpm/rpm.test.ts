import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { UserError, recordingLogger } from '@rampart/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryFs } from '../../fs/memory.js';
import { parseRpmHeader } from './header.js';
import { rpmdbSqliteCataloger } from './rpmdb.js';
import { readSqliteTable } from './sqlite.js';
import { berkeleyDbOf, buildRpmDb, rpmQueryAll } from './testing.js';
import { rpmdbBerkeleyCataloger } from './rpmdb.js';
import { readBdbHash } from './bdb.js';

const PATH = 'var/lib/rpm/rpmdb.sqlite';
const ROCKY = 'NAME="Rocky Linux"\nVERSION="9.3 (Blue Onyx)"\nID="rocky"\nID_LIKE="rhel centos fedora"\nVERSION_ID="9.3"\nPRETTY_NAME="Rocky Linux 9.3 (Blue Onyx)"\n';

let work: string;
let db: Uint8Array;
let dbFile: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'rampart-rpmdb-'));
  dbFile = buildRpmDb(work);
  db = new Uint8Array(readFileSync(dbFile));
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function run(files: Record<string, string | Uint8Array>) {
  const fs = memoryFs(files);
  return rpmdbSqliteCataloger.catalog({ path: PATH, text: () => fs.readText(PATH), fs, logger: recordingLogger() });
}

describe('rpmdb.sqlite written by rpm 4.18', () => {
  it('lists exactly what rpm -qa lists, with epoch, arch, upstream and distro qualifiers', async () => {
    const result = await run({ [PATH]: db, 'etc/os-release': ROCKY });
    const ours = new Set(
      result.packages.map((p) => {
        const q = new URLSearchParams(p.purl.split('?')[1]);
        return `${p.name} ${p.version} ${q.get('epoch') ?? '0'} ${q.get('arch')}`;
      }),
    );
    expect(ours).toEqual(rpmQueryAll(dirname(dbFile)));
    const app = result.packages.find((p) => p.name === 'rampart-app');
    expect(app?.purl).toBe('pkg:rpm/rocky/rampart-app@2.5.0-3.el9?arch=noarch&distro=rocky-9.3&epoch=1');
    expect(app?.licenses).toEqual(['Apache-2.0 AND MIT']);
    const libs = result.packages.find((p) => p.name === 'rampart-app-libs');
    expect(libs?.purl).toContain('upstream=rampart-app');
    const base = result.packages.find((p) => p.name === 'rampart-base');
    // Requires by soname and by file both reach rampart-base; the uninstalled requirement is left out.
    expect(app?.dependsOn).toEqual([base?.purl]);
    expect(libs?.dependsOn).toEqual([base?.purl]);
  });

  it('refuses a file that is not SQLite, and a database without a Packages table', async () => {
    await expect(run({ [PATH]: 'not a database' })).rejects.toThrow(/no SQLite header/);
    const withoutTable = new Uint8Array(db);
    // Rename the table in the schema record: the text "Packages" becomes "Packagez" wherever it occurs.
    const text = Buffer.from(withoutTable);
    let at = text.indexOf('Packages');
    while (at >= 0) {
      text[at + 7] = 'z'.charCodeAt(0);
      at = text.indexOf('Packages', at + 1);
    }
    await expect(run({ [PATH]: new Uint8Array(text) })).rejects.toThrow(/no table Packages/);
  });

  it('fuzz: corrupted databases and header blobs parse or throw a UserError', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(db.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 }), (edits) => {
        const copy = new Uint8Array(db);
        for (const [at, byte] of edits) copy[at] = byte;
        try {
          readSqliteTable(copy, 'Packages', PATH);
        } catch (err) {
          expect(err).toBeInstanceOf(UserError);
        }
      }),
      { numRuns: 300 },
    );
    const blob = readSqliteTable(db, 'Packages', PATH)[0]?.values[1] as Uint8Array;
    fc.assert(
      fc.property(fc.nat(blob.length - 1), fc.integer({ min: 0, max: 255 }), fc.uint8Array({ maxLength: 64 }), (at, byte, random) => {
        const copy = new Uint8Array(blob);
        copy[at] = byte;
        for (const input of [copy, random]) {
          try {
            parseRpmHeader(input, 'blob');
          } catch (err) {
            expect(err).toBeInstanceOf(UserError);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('Berkeley DB Packages (rpm before 4.16) written by db5.3_load', () => {
  it.each([512, 4096])('lists the same packages as rpm -qa with %i-byte pages', async (pageSize) => {
    const dir = join(work, `bdb-${pageSize}`);
    mkdirSync(dir);
    const out = join(dir, 'Packages');
    berkeleyDbOf(dbFile, out, pageSize);
    const path = 'var/lib/rpm/Packages';
    const fs = memoryFs({ [path]: new Uint8Array(readFileSync(out)), 'etc/os-release': 'ID="centos"\nVERSION_ID="7"\n' });
    const result = await rpmdbBerkeleyCataloger.catalog({ path, text: () => fs.readText(path), fs, logger: recordingLogger() });
    const ours = new Set(
      result.packages.map((p) => {
        const q = new URLSearchParams(p.purl.split('?')[1]);
        return `${p.name} ${p.version} ${q.get('epoch') ?? '0'} ${q.get('arch')}`;
      }),
    );
    // rpm itself, through its read-only Berkeley DB backend, reads the same file to the same list.
    const rpmSays = rpmQueryAll(dir, 'bdb_ro');
    expect(rpmSays.size).toBe(3);
    expect(ours).toEqual(rpmSays);
    expect(result.packages.find((p) => p.name === 'rampart-base')?.purl).toBe('pkg:rpm/centos/rampart-base@1.0-1?arch=noarch&distro=centos-7');
    expect(result.packages.find((p) => p.name === 'rampart-app')?.dependsOn).toHaveLength(1);
  });

  it('fuzz: corrupted Berkeley DB files parse or throw a UserError', () => {
    const out = join(work, 'Packages-fuzz');
    berkeleyDbOf(dbFile, out, 512);
    const bytes = new Uint8Array(readFileSync(out));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(bytes.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 }), (edits) => {
        const copy = new Uint8Array(bytes);
        for (const [at, byte] of edits) copy[at] = byte;
        try {
          readBdbHash(copy, 'Packages');
        } catch (err) {
          expect(err).toBeInstanceOf(UserError);
        }
      }),
      { numRuns: 500 },
    );
    expect(() => readBdbHash(new Uint8Array(4096), 'Packages')).toThrow(/magic/);
  });
});
