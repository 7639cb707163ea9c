import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError, recordingLogger } from '@rampart/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoryFs } from '../../fs/memory.js';
import type { InventoryFs } from '../../fs/types.js';
import { copyrightLicenses } from './copyright.js';
import { parseParagraphs } from './paragraphs.js';
import { dpkgStatusCataloger } from './status.js';

const fixtures = fileURLToPath(new URL('../../../test/fixtures/', import.meta.url));

function treeOf(dir: string): InventoryFs {
  const files: Record<string, Uint8Array> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[relative(dir, full)] = new Uint8Array(readFileSync(full));
    }
  };
  walk(dir);
  return memoryFs(files);
}

async function run(fs: InventoryFs, path: string) {
  return dpkgStatusCataloger.catalog({ path, text: () => fs.readText(path), fs, logger: recordingLogger() });
}

describe('dpkg status cataloger', () => {
  it('lists installed packages with distro namespace, arch, upstream source and distro qualifiers', async () => {
    const result = await run(treeOf(join(fixtures, 'os-dpkg')), 'var/lib/dpkg/status');
    const names = result.packages.map((p) => p.name).sort();
    expect(names).toEqual(['base-files', 'debconf', 'gcc-12-base', 'libacl1', 'libc6', 'libgcc-s1', 'libpcre2-8-0', 'libselinux1', 'zlib1g']);
    const libc = result.packages.find((p) => p.name === 'libc6');
    expect(libc?.purl).toBe('pkg:deb/debian/libc6@2.36-9+deb12u14?arch=amd64&distro=debian-12&upstream=glibc');
    const acl = result.packages.find((p) => p.name === 'libacl1');
    expect(acl?.dependsOn).toEqual([libc?.purl]);
    expect(acl?.licenses).toEqual(['GPL-2.0-or-later', 'LGPL-2.0-or-later']);
    expect(result.packages.find((p) => p.name === 'debconf')?.licenses).toEqual(['BSD-2-Clause']);
    // libc6's copyright file is free text, not DEP-5: no license rather than a guess.
    expect(libc?.licenses).toEqual([]);
  });

  it('leaves out packages that are not installed (removed, config files left, half-installed), keeps held ones', async () => {
    const result = await run(treeOf(join(fixtures, 'os-dpkg')), 'var/lib/dpkg/status');
    expect(result.packages.some((p) => p.name === 'oldpkg')).toBe(false);
    const status = ['install ok installed', 'hold ok installed', 'install reinstreq half-installed', 'deinstall ok config-files', 'purge ok not-installed']
      .map((s, i) => `Package: p${i}\nStatus: ${s}\nVersion: 1\nArchitecture: all`)
      .join('\n\n');
    const states = await run(memoryFs({ 'var/lib/dpkg/status': status }), 'var/lib/dpkg/status');
    expect(states.packages.map((p) => p.name)).toEqual(['p0', 'p1']);
  });

  it('reads distroless status.d files and does not claim their md5sums', async () => {
    expect(dpkgStatusCataloger.claims('var/lib/dpkg/status.d/tzdata')).toBe(true);
    expect(dpkgStatusCataloger.claims('var/lib/dpkg/status.d/tzdata.md5sums')).toBe(false);
    expect(dpkgStatusCataloger.claims('var/lib/dpkg/status-old')).toBe(false);
    const fs = treeOf(join(fixtures, 'os-dpkg-distroless'));
    const result = await run(fs, 'var/lib/dpkg/status.d/libssl3');
    expect(result.packages.map((p) => p.purl)).toEqual([
      'pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12&upstream=openssl',
    ]);
    // libc6 lives in another file: no dangling edge.
    expect(result.packages[0]?.dependsOn).toEqual([]);
  });

  it('resolves alternatives through Provides and takes the first installed one', async () => {
    const status = [
      'Package: a\nStatus: install ok installed\nVersion: 1\nArchitecture: all\nDepends: missing | b (>= 1), c:any, nothere',
      'Package: b\nStatus: install ok installed\nVersion: 2\nArchitecture: all',
      'Package: d\nStatus: install ok installed\nVersion: 3\nArchitecture: all\nProvides: c',
    ].join('\n\n');
    const result = await run(memoryFs({ 'var/lib/dpkg/status': status }), 'var/lib/dpkg/status');
    const a = result.packages.find((p) => p.name === 'a');
    expect(a?.dependsOn).toEqual(['pkg:deb/debian/b@2?arch=all', 'pkg:deb/debian/d@3?arch=all']);
  });

  it('refuses a file that is not deb822, naming the file and line', async () => {
    const run2 = run(memoryFs({ 'var/lib/dpkg/status': 'Package: x\nthis is not a field\n' }), 'var/lib/dpkg/status');
    await expect(run2).rejects.toBeInstanceOf(UserError);
    await expect(run2).rejects.toThrow('var/lib/dpkg/status:2');
  });

  it('maps DEP-5 short names to SPDX', () => {
    const text = 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\nFiles: *\nLicense: GPL-2+ or Artistic\n\nFiles: x\nLicense: Expat\n\nLicense: public-domain\n';
    expect(copyrightLicenses(text)).toEqual(['GPL-2.0-or-later', 'Artistic-1.0-Perl', 'MIT']);
    expect(copyrightLicenses('This is free text.\nLicense: GPL-2\n')).toEqual([]);
  });

  it('parses any text or throws a UserError (fuzz)', () => {
    const deb822ish = fc.array(
      fc.oneof(fc.constantFrom('Package: a', 'Version: 1', ' cont', '', 'Status: install ok installed', '#c'), fc.string()),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(fc.oneof(fc.string(), deb822ish.map((l) => l.join('\n'))), (text) => {
        try {
          parseParagraphs(text, 'status');
        } catch (err) {
          expect(err).toBeInstanceOf(UserError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
