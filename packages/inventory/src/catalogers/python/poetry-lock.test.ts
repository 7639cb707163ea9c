import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError, recordingLogger } from '@rampart/core';
import fc from 'fast-check';
import { PackageURL } from 'packageurl-js';
import { describe, expect, it } from 'vitest';
import type { CatalogResult } from '../../cataloger.js';
import { memoryFs } from '../../fs/memory.js';
import { nodeFs } from '../../fs/node.js';
import { poetryLockCataloger as c } from './poetry-lock.js';

const fixtures = fileURLToPath(new URL('../../../test/fixtures/', import.meta.url));

async function run(caseDir: string, path = 'poetry.lock') {
  const fs = nodeFs(join(fixtures, caseDir));
  return c.catalog({ path, text: () => fs.readText(path), fs, logger: recordingLogger() });
}
async function runText(text: string, files: Record<string, string> = {}) {
  const path = 'app/poetry.lock';
  return c.catalog({ path, text: async () => text, fs: memoryFs({ [path]: text, ...files }), logger: recordingLogger() });
}

/** What the contract test checks on fixtures, checked here on every generated input that parses. */
function expectConsistent(result: CatalogResult): void {
  const purls = new Set(result.packages.map((p) => p.purl));
  for (const p of result.packages) {
    expect(PackageURL.fromString(p.purl).version).toBe(p.version);
    for (const d of p.dependsOn) expect(purls).toContain(d);
  }
  for (const d of result.root?.dependsOn ?? []) expect(purls).toContain(d);
}

describe('python-poetry-lock', () => {
  it('reads a lock-version 2.0 file with its pyproject.toml: root, direct, dev from groups, edges, sdist hash', async () => {
    const { root, packages } = await run('py-poetry');
    const by = Object.fromEntries(packages.map((p) => [p.name, p]));
    expect(packages).toHaveLength(6);
    expect(root).toMatchObject({ name: 'weather-api', version: '0.3.0', purl: 'pkg:pypi/weather-api@0.3.0', licenses: ['MIT'] });
    expect(root?.dependsOn.sort()).toEqual(['pkg:pypi/pytest@7.4.3', 'pkg:pypi/requests@2.31.0']);
    expect(by.requests?.dependsOn.sort()).toEqual(['pkg:pypi/certifi@2023.11.17', 'pkg:pypi/idna@3.6']);
    expect(by.requests).toMatchObject({ direct: true, dev: false });
    expect(by.certifi).toMatchObject({ direct: false, dev: false });
    expect(by.pytest).toMatchObject({ direct: true, dev: true });
    expect(by.colorama).toMatchObject({ direct: false, dev: true });
    expect(by.certifi?.hashes).toEqual([{ alg: 'sha256', value: '9b469f3a900bf28dc19b8cfbf8019bf47f7fdd1a65a1d4ffb98fc14166beb4d1' }]);
  });

  it('reads lock-version 1.1: category and [metadata.files]; direct guessed from the graph without a pyproject', async () => {
    const { root, packages } = await run('py-poetry-legacy');
    const by = Object.fromEntries(packages.map((p) => [p.name, p]));
    expect(root).toBeUndefined();
    expect(by.mccabe).toMatchObject({ dev: true, direct: true, hashes: [] });
    expect(by['python-dateutil']).toMatchObject({ dev: false, direct: true, dependsOn: ['pkg:pypi/six@1.16.0'] });
    expect(by.six).toMatchObject({ direct: false });
    expect(by.six?.hashes[0]?.value).toBe('1e61c37477a1626458e36f7b1d82aa5c9b094fa4802892072e49de9c60c4c926');
  });

  it('reads a real Poetry 2.4.1 lock (lock-version 2.1)', async () => {
    const { root, packages } = await run('py-poetry-21-real');
    expect(root).toMatchObject({ name: 'scratch', version: '0.1.0', dependsOn: ['pkg:pypi/six@1.16.0'] });
    expect(packages).toEqual([
      expect.objectContaining({ purl: 'pkg:pypi/six@1.16.0', direct: true, dev: false, hashes: [{ alg: 'sha256', value: '1e61c37477a1626458e36f7b1d82aa5c9b094fa4802892072e49de9c60c4c926' }] }),
    ]);
  });

  it('reads lock-version 2.1 groups', async () => {
    const text = '[[package]]\nname = "black"\nversion = "24.1.0"\ngroups = ["dev"]\n\n[metadata]\nlock-version = "2.1"\ncontent-hash = "x"\n';
    const { packages } = await runText(text);
    expect(packages[0]).toMatchObject({ name: 'black', dev: true });
  });

  it('refuses an unknown lock-version and malformed TOML with a UserError naming the file', async () => {
    const unknown = runText('[metadata]\nlock-version = "3.0"\n');
    await expect(unknown).rejects.toBeInstanceOf(UserError);
    await expect(unknown).rejects.toThrow(/app\/poetry\.lock: field metadata\.lock-version: has lock-version "3\.0"/);
    await expect(runText('[[package]\nname=')).rejects.toThrow(/app\/poetry\.lock: is not valid TOML/);
    await expect(runText('[[package]]\nname = "a"\nversion = "1"\n')).rejects.toThrow(/has no \[metadata\] table/);
  });

  it('refuses a malformed pyproject.toml beside the lock, naming it', async () => {
    const lock = '[metadata]\nlock-version = "2.0"\ncontent-hash = "x"\n';
    await expect(runText(lock, { 'app/pyproject.toml': '[project\n' })).rejects.toThrow('app/pyproject.toml');
  });

  it('parses or throws UserError for any input', async () => {
    const tomlish = fc.oneof(
      fc.string(),
      fc.constantFrom('[[package]]', 'name = "a"', 'version = "1"', '[metadata]', 'lock-version = "2.0"', 'content-hash = "x"',
        '[package.dependencies]', 'a = "*"', 'files = [{file = "a.tar.gz", hash = "sha256:00"}]', 'groups = 3', 'package = 1'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(tomlish, { maxLength: 10 }), async (lines) => {
        try {
          const r = await runText(lines.join('\n'));
          expectConsistent(r);
          expect(Array.isArray(r.packages)).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(UserError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
