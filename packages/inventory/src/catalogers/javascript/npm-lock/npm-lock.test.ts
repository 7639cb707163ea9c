import { UserError } from '@rampart/core';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogFixture, catalogText, lockishValue, parsesOrUserError } from '../testing.js';
import { npmLockCataloger as npm } from './index.js';

const byName = <T extends { name: string }>(packages: T[], name: string): T[] => packages.filter((p) => p.name === name);

describe('npm-package-lock', () => {
  it('claims lockfiles and shrinkwraps, not those of installed dependencies', () => {
    expect(npm.claims('package-lock.json')).toBe(true);
    expect(npm.claims('app/npm-shrinkwrap.json')).toBe(true);
    expect(npm.claims('node_modules/x/npm-shrinkwrap.json')).toBe(false);
    expect(npm.claims('package.json')).toBe(false);
  });

  it.each(['js-npm-v1', 'js-npm-v2', 'js-npm-v3'])('reads the real lockfile %s to the same packages', async (fixture) => {
    const result = await catalogFixture(npm, fixture, 'package-lock.json');
    expect(result.root).toMatchObject({ name: 'js-small', version: '0.1.0', ref: 'pkg:npm/js-small@0.1.0' });
    expect(result.packages.map((p) => `${p.name}@${p.version}`)).toContain('@babel/code-frame@7.24.7');
    const frame = byName(result.packages, '@babel/code-frame')[0];
    expect(frame?.purl).toBe('pkg:npm/%40babel/code-frame@7.24.7');
    expect(byName(result.packages, 'is-number')[0]).toMatchObject({ dev: true, direct: true });
    expect(byName(result.packages, 'kleur')[0]).toMatchObject({ optional: true, direct: true, dev: false });
    expect(byName(result.packages, 'debug')[0]?.hashes[0]).toMatchObject({ alg: 'sha512' });
    expect(result.root?.dependsOn).toHaveLength(5);
  });

  it('gives the same graph for v1, v2 and v3 of one project', async () => {
    const graphs = await Promise.all(
      ['js-npm-v1', 'js-npm-v2', 'js-npm-v3'].map(async (f) => {
        const r = await catalogFixture(npm, f, 'package-lock.json');
        return r.packages.map((p) => `${p.purl} -> ${p.dependsOn.join(',')}`);
      }),
    );
    expect(graphs[0]).toEqual(graphs[2]);
    expect(graphs[1]).toEqual(graphs[2]);
  });

  it('reads licenses from v3 entries', async () => {
    const result = await catalogFixture(npm, 'js-npm-v3', 'package-lock.json');
    expect(byName(result.packages, 'debug')[0]?.licenses).toEqual(['MIT']);
  });

  it('makes workspace members roots, not packages, and dedupes a version installed at two paths', async () => {
    const result = await catalogFixture(npm, 'js-npm-workspaces', 'package-lock.json');
    expect(result.packages.map((p) => p.name)).not.toContain('@js-ws/a');
    expect(result.members?.map((m) => m.ref)).toEqual(['pkg:npm/%40js-ws/a@1.0.0', 'pkg:npm/%40js-ws/b@1.0.0']);
    const ms = byName(result.packages, 'ms');
    expect(ms.map((p) => p.version)).toEqual(['2.0.0', '2.1.3']);
    // ms@2.0.0 sits under node_modules/debug/ and under packages/b/: one package, both dependents point at it.
    expect(byName(result.packages, 'debug')[0]?.dependsOn).toEqual(['pkg:npm/ms@2.0.0']);
    // a links b: an edge between the two projects, by b's ref.
    expect(result.members?.find((m) => m.name === '@js-ws/a')?.dependsOn).toEqual(['pkg:npm/%40js-ws/b@1.0.0', 'pkg:npm/debug@2.6.9']);
    const b = result.members?.find((m) => m.name === '@js-ws/b');
    expect(b?.dependsOn).toEqual(['pkg:npm/ms@2.0.0']);
    expect(b?.licenses).toEqual(['Apache-2.0']);
    expect(result.root?.dependsOn).toEqual(['pkg:npm/is-number@7.0.0', 'pkg:npm/ms@2.1.3']);
    expect(ms.every((p) => p.direct)).toBe(true);
  });

  it('resolves a nested copy before the hoisted one, as Node does', async () => {
    const lock = {
      lockfileVersion: 3,
      packages: {
        '': { name: 'r', dependencies: { a: '1', b: '1' } },
        'node_modules/a': { version: '1.0.0', dependencies: { b: '2' } },
        'node_modules/a/node_modules/b': { version: '2.0.0' },
        'node_modules/b': { version: '1.0.0' },
        'node_modules/@s/c': { version: '3.0.0', dependencies: { b: '1' }, license: { type: 'ISC' } },
      },
    };
    const result = await catalogText(npm, 'package-lock.json', JSON.stringify(lock));
    expect(byName(result.packages, 'a')[0]?.dependsOn).toEqual(['pkg:npm/b@2.0.0']);
    expect(byName(result.packages, '@s/c')[0]).toMatchObject({ dependsOn: ['pkg:npm/b@1.0.0'], licenses: ['ISC'] });
    expect(result.root?.dependsOn).toEqual(['pkg:npm/a@1.0.0', 'pkg:npm/b@1.0.0']);
    expect(result.root?.ref).toBe('pkg:npm/r');
  });

  it('reports a dependency missing from the lockfile instead of dropping it silently', async () => {
    const lock = { lockfileVersion: 2, packages: { '': {}, 'node_modules/a': { version: '1.0.0', dependencies: { gone: '1' } } } };
    const result = await catalogText(npm, 'sub/package-lock.json', JSON.stringify(lock));
    expect(result.problems?.[0]?.message).toContain('gone');
    expect(result.root?.ref).toBe('root:sub/package-lock.json');
  });

  it.each([
    ['{"lockfileVersion": 4, "packages": {}}', 'lockfileVersion 4'],
    ['{"packages": {}}', 'lockfileVersion undefined'],
    ['{"lockfileVersion": 3, "packages": []}', 'field packages'],
    ['{"lockfileVersion": 3, "packages": {"node_modules/a": {"version": 1}}}', 'field packages["node_modules/a"].version'],
    ['{"lockfileVersion": 1, "dependencies": {"a": {"version": "1.0.0", "requires": {"b": 2}}}}', 'field dependencies["a"].requires.b'],
    ['{"lockfileVersion": 3', 'is not valid JSON'],
    ['{"lockfileVersion": 3, "packages": {"node_modules/@s/": {"version": "1.0.0"}}}', 'field packages["node_modules/@s/"]'],
    ['{"lockfileVersion": 1, "dependencies": {"a b": {"version": "1.0.0"}}}', 'field dependencies["a b"]'],
    ['[]', 'is not an object'],
  ])('refuses %s with a UserError naming the file and field', async (text, message) => {
    const run = catalogText(npm, 'app/package-lock.json', text);
    await expect(run).rejects.toBeInstanceOf(UserError);
    await expect(run).rejects.toThrow('app/package-lock.json');
    await expect(run).rejects.toThrow(message);
  });

  it('reads a v1 lockfile nested deeper than the stack would allow recursion', async () => {
    const depth = 50_000;
    const text = `{"lockfileVersion":1,"dependencies":${'{"p":{"version":"1.0.0","dependencies":'.repeat(depth)}{}${'}}'.repeat(depth)}}`;
    const result = await catalogText(npm, 'package-lock.json', text);
    expect(result.packages.map((p) => p.purl)).toEqual(['pkg:npm/p@1.0.0']);
    expect(result.packages[0]?.dependsOn).toEqual([]);
  });

  it('parses or throws a UserError on arbitrary input', async () => {
    await fc.assert(
      fc.asyncProperty(lockishValue, fc.constantFrom(1, 2, 3), async (value, version) => {
        const doc = typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value, lockfileVersion: version } : value;
        await parsesOrUserError(npm, 'package-lock.json', JSON.stringify(doc) ?? 'undefined');
      }),
      { numRuns: 300 },
    );
    await fc.assert(fc.asyncProperty(fc.string(), async (text) => parsesOrUserError(npm, 'package-lock.json', text)));
  });
});
