import { UserError } from '@rampart/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cargoLockCataloger as c } from './cargo-lock.js';
import { expectConsistent, fixtureRunner, textRunner } from '../testing.js';


const run = fixtureRunner(c, 'Cargo.lock');
const runText = textRunner(c, 'crate/Cargo.lock');


describe('rust-cargo-lock', () => {
  it('reads version 3: registry and git packages, path crates as the workspace, edges by name and version, dev', async () => {
    const { root, packages } = await run('rust-v3');
    const by = Object.fromEntries(packages.map((p) => [p.purl, p]));
    expect(Object.keys(by).sort()).toEqual([
      'pkg:cargo/diff@0.1.13',
      'pkg:cargo/pretty_assertions@1.4.0',
      'pkg:cargo/serde@1.0.193',
      'pkg:cargo/yansi@0.5.1',
      'pkg:cargo/yansi@1.0.1',
    ]);
    expect(root).toMatchObject({ name: 'hello-cli', version: '0.2.0', purl: 'pkg:cargo/hello-cli@0.2.0', licenses: ['MIT'] });
    expect(root?.dependsOn.sort()).toEqual(['pkg:cargo/pretty_assertions@1.4.0', 'pkg:cargo/serde@1.0.193']);
    expect(by['pkg:cargo/serde@1.0.193']).toMatchObject({ direct: true, dev: false, hashes: [{ alg: 'sha256', value: '25dd9975e68d0cb5aa1120c288333fc98731bd1dd12f561e468ea4728c042b89' }] });
    expect(by['pkg:cargo/yansi@0.5.1']).toMatchObject({ direct: true, dev: false });
    expect(by['pkg:cargo/pretty_assertions@1.4.0']).toMatchObject({ direct: true, dev: true });
    expect(by['pkg:cargo/pretty_assertions@1.4.0']?.dependsOn.sort()).toEqual(['pkg:cargo/diff@0.1.13', 'pkg:cargo/yansi@1.0.1']);
    expect(by['pkg:cargo/yansi@1.0.1']).toMatchObject({ dev: true, hashes: [] });
  });

  it('reads the real ripgrep workspace lock: members are not packages, edges pick the right syn', async () => {
    const { root, packages } = await run('rust-ripgrep-real');
    const by = Object.fromEntries(packages.map((p) => [p.purl, p]));
    expect(packages).toHaveLength(52);
    expect(packages.every((p) => p.hashes.length === 1)).toBe(true);
    expect(root).toMatchObject({ name: 'ripgrep', version: '15.2.0' });
    expect(root?.dependsOn).toContain('pkg:cargo/lexopt@0.3.2');
    expect(root?.dependsOn.some((d) => d.includes('/grep@'))).toBe(false);
    expect(by['pkg:cargo/serde_derive@1.0.229']?.dependsOn).toContain('pkg:cargo/syn@3.0.3');
    expect(by['pkg:cargo/derive_arbitrary@1.4.2']?.dependsOn).toContain('pkg:cargo/syn@2.0.119');
    expect(by['pkg:cargo/memchr@2.8.3']?.direct).toBe(true);
    expect(by['pkg:cargo/syn@3.0.3']?.direct).toBe(false);
    expect(packages.find((p) => p.name === 'tikv-jemalloc-sys')?.version).toBe('0.7.1+5.3.1-0-g81034ce1f1373e37dc865038e1bc8eeecf559ce8');
  });

  it('reads version 4 of a virtual workspace: no root, members not packages', async () => {
    const { root, packages } = await run('rust-v4-workspace');
    expect(root).toBeUndefined();
    expect(packages.map((p) => [p.purl, p.direct])).toEqual([['pkg:cargo/itoa@1.0.11', true]]);
  });

  it('reads the version-less v1 format with [metadata] checksums', async () => {
    const { root, packages } = await run('rust-v1');
    expect(root?.dependsOn).toEqual(['pkg:cargo/libc@0.2.66']);
    expect(packages[0]?.hashes[0]?.value).toBe('d515b1f41455adea1313a4a2ac8a8a477634fbae63cc6100e3aebb207ce61558');
  });

  it('refuses an unknown version, a missing package list and bad TOML with a UserError naming the file', async () => {
    await expect(runText('version = 5\n[[package]]\nname = "a"\nversion = "1"\n')).rejects.toThrow(/crate\/Cargo\.lock: field version: has version 5/);
    await expect(runText('version = 3\n')).rejects.toThrow(/has no \[\[package\]\] entries/);
    await expect(runText('[[package]\n')).rejects.toBeInstanceOf(UserError);
  });

  it('parses or throws UserError for any input', async () => {
    const line = fc.oneof(fc.string(), fc.constantFrom('version = 3', 'version = "3"', '[[package]]', 'name = "a"', 'version = "1.0.0"',
      'source = "registry+https://github.com/rust-lang/crates.io-index"', 'dependencies = ["a", "a 1.0.0", "b 2 (x)"]', 'checksum = "zz"', '[root]', '[metadata]'));
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 10 }), async (lines) => {
        try {
          expectConsistent(await runText(lines.join('\n')));
        } catch (e) {
          expect(e).toBeInstanceOf(UserError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
