import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UserError, recordingLogger } from '@rampart/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoryFs } from '../../fs/memory.js';
import { apkInstalledCataloger, parseInstalledDb } from './installed.js';

const fixture = (rel: string) => readFileSync(fileURLToPath(new URL(`../../../test/fixtures/os-apk/${rel}`, import.meta.url)), 'utf8');
const PATH = 'lib/apk/db/installed';

async function run(files: Record<string, string>) {
  const fs = memoryFs(files);
  return apkInstalledCataloger.catalog({ path: PATH, text: () => fs.readText(PATH), fs, logger: recordingLogger() });
}

describe('apk installed database', () => {
  it('lists packages with arch, origin and distro qualifiers, SPDX licenses and so:/cmd: edges', async () => {
    const result = await run({ [PATH]: fixture(PATH), 'etc/os-release': fixture('etc/os-release') });
    const byName = new Map(result.packages.map((p) => [p.name, p]));
    expect([...byName.keys()].sort()).toEqual(['apk-tools', 'busybox', 'libcrypto3', 'libssl3', 'musl', 'oldstyle', 'ssl_client']);
    const musl = byName.get('musl');
    expect(musl?.purl).toBe('pkg:apk/alpine/musl@1.2.4_git20230717-r4?arch=x86_64&distro=alpine-3.19.1');
    expect(byName.get('libssl3')?.purl).toBe('pkg:apk/alpine/libssl3@3.1.4-r5?arch=x86_64&distro=alpine-3.19.1&upstream=openssl');
    expect(byName.get('libssl3')?.dependsOn).toEqual([musl?.purl, byName.get('libcrypto3')?.purl]);
    // apk-tools needs ca-certificates-bundle and libz, which are not installed here: no dangling edges.
    expect(byName.get('apk-tools')?.dependsOn).toEqual([musl?.purl, byName.get('libcrypto3')?.purl, byName.get('libssl3')?.purl]);
    // cmd:busybox resolves through busybox's p: line; the !conflict is not a dependency.
    expect(byName.get('oldstyle')?.dependsOn).toEqual([byName.get('busybox')?.purl]);
    expect(byName.get('oldstyle')?.licenses).toEqual(['MIT', 'Zlib']);
    expect(byName.get('apk-tools')?.licenses).toEqual(['GPL-2.0-only']);
    expect(byName.get('busybox')?.licenses).toEqual(['GPL-2.0-only']);
  });

  it('defaults the namespace to alpine when the tree has no os-release', async () => {
    const result = await run({ [PATH]: 'P:x\nV:1-r0\nA:aarch64\n' });
    expect(result.packages[0]?.purl).toBe('pkg:apk/alpine/x@1-r0?arch=aarch64');
  });

  it('reports a record without a version and refuses text that is not the database', async () => {
    const result = await run({ [PATH]: 'P:noversion\nA:x86_64\n\nP:ok\nV:1-r0\n' });
    expect(result.packages.map((p) => p.name)).toEqual(['ok']);
    expect(result.problems?.[0]?.message).toContain('line 1');
    await expect(run({ [PATH]: 'P:x\nthis is not a field\n' })).rejects.toThrow(`${PATH}:2`);
  });

  it('parses any text or throws a UserError (fuzz)', () => {
    const lines = fc.array(fc.oneof(fc.constantFrom('P:a', 'V:1-r0', 'D:so:x cmd:y !z', 'p:so:x=1', ''), fc.string()), { maxLength: 20 });
    fc.assert(
      fc.property(fc.oneof(fc.string(), lines.map((l) => l.join('\n'))), (text) => {
        try {
          parseInstalledDb(text, PATH);
        } catch (err) {
          expect(err).toBeInstanceOf(UserError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
