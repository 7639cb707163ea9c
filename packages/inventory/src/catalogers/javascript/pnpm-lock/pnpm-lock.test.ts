import { UserError } from '@rampart/core';
import * as fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { catalogFixture, catalogText, lockishValue, parsesOrUserError } from '../testing.js';
import { pnpmLockCataloger as pnpm } from './index.js';
import { keyOfReference, parseKey } from './keys.js';

const byName = <T extends { name: string }>(packages: T[], name: string): T[] => packages.filter((p) => p.name === name);

describe('pnpm-lock keys', () => {
  it.each([
    ['react-dom@18.3.1(react@18.3.1)', 'v9', 'react-dom', '18.3.1'],
    ['@babel/code-frame@7.24.7', 'v9', '@babel/code-frame', '7.24.7'],
    ['/@babel/code-frame@7.24.7', 'v6', '@babel/code-frame', '7.24.7'],
    ['/react-dom@18.3.1(react@18.3.1)', 'v6', 'react-dom', '18.3.1'],
    ['/react-dom/18.3.1_react@18.3.1', 'v5', 'react-dom', '18.3.1'],
    ['/@babel/code-frame/7.24.7', 'v5', '@babel/code-frame', '7.24.7'],
  ] as const)('%s (%s) is %s %s', (key, dialect, name, version) => {
    expect(parseKey(key, dialect)).toEqual({ name, version });
  });

  it('follows aliases and leaves links to the importers', () => {
    expect(keyOfReference('my-ms', 'ms@2.1.3', 'v9')).toBe('ms@2.1.3');
    expect(keyOfReference('a', '1.0.0(b@2.0.0)', 'v9')).toBe('a@1.0.0(b@2.0.0)');
    expect(keyOfReference('my-ms', '/ms@2.1.3', 'v6')).toBe('/ms@2.1.3');
    expect(keyOfReference('a', '1.0.0', 'v5')).toBe('/a/1.0.0');
    expect(keyOfReference('b', 'link:../b', 'v9')).toBeUndefined();
  });
});

describe('pnpm-lock', () => {
  it('claims pnpm-lock.yaml but not the copy pnpm keeps in node_modules', () => {
    expect(pnpm.claims('pnpm-lock.yaml')).toBe(true);
    expect(pnpm.claims('web/pnpm-lock.yaml')).toBe(true);
    expect(pnpm.claims('node_modules/.pnpm/lock.yaml')).toBe(false);
    expect(pnpm.claims('node_modules/x/pnpm-lock.yaml')).toBe(false);
  });

  it('reads the same project from real 5.4, 6.0 and 9.0 lockfiles to the same graph', async () => {
    const graphs = await Promise.all(
      ['js-pnpm-v5', 'js-pnpm-v6', 'js-pnpm-v9'].map(async (f) => {
        const result = await catalogFixture(pnpm, f, 'pnpm-lock.yaml');
        expect(result.root).toMatchObject({ name: 'js-small', version: '0.1.0', licenses: ['MIT'] });
        expect(result.root?.dependsOn).toHaveLength(7);
        expect(byName(result.packages, 'is-number')[0]).toMatchObject({ dev: true, direct: true });
        expect(byName(result.packages, 'kleur')[0]).toMatchObject({ dev: false, direct: true });
        expect(byName(result.packages, 'ansi-regex')[0]).toMatchObject({ dev: false, direct: false });
        expect(byName(result.packages, 'react-dom')[0]?.dependsOn).toContain('pkg:npm/react@18.3.1');
        expect(byName(result.packages, '@babel/code-frame')[0]?.purl).toBe('pkg:npm/%40babel/code-frame@7.24.7');
        expect(byName(result.packages, 'debug')[0]?.hashes[0]?.alg).toBe('sha512');
        return result.packages.map((p) => `${p.purl} ${p.dev} -> ${p.dependsOn.join(',')}`);
      }),
    );
    expect(graphs[0]).toEqual(graphs[2]);
    expect(graphs[1]).toEqual(graphs[2]);
  });

  it('makes every importer a root, follows aliases, and skips workspace links', async () => {
    const result = await catalogFixture(pnpm, 'js-pnpm-workspace', 'pnpm-lock.yaml');
    expect(result.root).toMatchObject({ name: 'js-pnpm-ws', dependsOn: ['pkg:npm/is-number@7.0.0'] });
    expect(result.members?.map((m) => [m.ref, m.dependsOn])).toEqual([
      ['pkg:npm/%40js-pnpm-ws/a@1.0.0', ['pkg:npm/%40js-pnpm-ws/b@2.0.0', 'pkg:npm/debug@2.6.9', 'pkg:npm/ms@2.1.3']],
      ['pkg:npm/%40js-pnpm-ws/b@2.0.0', ['pkg:npm/ms@2.0.0']],
    ]);
    expect(result.packages.map((p) => p.name)).not.toContain('@js-pnpm-ws/b');
    expect(byName(result.packages, 'is-number')[0]?.dev).toBe(true);
    expect(byName(result.packages, 'ms').map((p) => p.dev)).toEqual([false, false]);
  });

  it('dedupes the peer-resolved instances of one package', async () => {
    const lock = {
      lockfileVersion: '9.0',
      importers: { '.': { dependencies: { a: { specifier: '1', version: '1.0.0(p@1.0.0)' }, b: { specifier: '1', version: '1.0.0' } } } },
      packages: { 'a@1.0.0': {}, 'b@1.0.0': {}, 'p@1.0.0': {}, 'p@2.0.0': {} },
      snapshots: {
        'a@1.0.0(p@1.0.0)': { dependencies: { p: '1.0.0' } },
        'a@1.0.0(p@2.0.0)': { dependencies: { p: '2.0.0' } },
        'b@1.0.0': { dependencies: { a: '1.0.0(p@2.0.0)' } },
        'p@1.0.0': {},
        'p@2.0.0': {},
      },
    };
    const result = await catalogText(pnpm, 'pnpm-lock.yaml', stringify(lock));
    expect(byName(result.packages, 'a')).toHaveLength(1);
    expect(byName(result.packages, 'a')[0]?.dependsOn).toEqual(['pkg:npm/p@1.0.0', 'pkg:npm/p@2.0.0']);
  });

  it('reads the packages of a v9 lockfile that has no snapshots', async () => {
    const text = "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      a:\n        specifier: '1'\n        version: 1.0.0\npackages:\n  a@1.0.0: {}\n";
    const result = await catalogText(pnpm, 'pnpm-lock.yaml', text);
    expect(result.packages.map((p) => p.purl)).toEqual(['pkg:npm/a@1.0.0']);
    expect(result.root?.dependsOn).toEqual(['pkg:npm/a@1.0.0']);
  });

  it.each([
    ["lockfileVersion: '10.0'\n", "lockfileVersion \"10.0\""],
    ['importers: {}\n', 'lockfileVersion undefined'],
    ["lockfileVersion: '9.0'\nimporters: []\n", 'field importers'],
    ["lockfileVersion: '9.0'\nsnapshots:\n  a@1.0.0:\n    dependencies: [1]\n", 'snapshots["a@1.0.0"].dependencies'],
    ['lockfileVersion: 9.0\n  bad: [\n', 'is not valid YAML'],
    ["lockfileVersion: '9.0'\nsnapshots:\n  'a b@1.0.0': {}\n", 'field snapshots["a b@1.0.0"]'],
    ['- 1\n- 2\n', 'is not an object'],
  ])('refuses %j with a UserError naming the file', async (text, message) => {
    const run = catalogText(pnpm, 'apps/pnpm-lock.yaml', text);
    await expect(run).rejects.toBeInstanceOf(UserError);
    await expect(run).rejects.toThrow('apps/pnpm-lock.yaml');
    await expect(run).rejects.toThrow(message);
  });

  it('refuses YAML nested deeper than the parser goes with a UserError, not a RangeError', async () => {
    const depth = 100_000;
    const text = `lockfileVersion: '9.0'\nimporters: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
    await parsesOrUserError(pnpm, 'pnpm-lock.yaml', text);
  });

  it('parses or throws a UserError on arbitrary input', async () => {
    const shaped = fc.record({
      lockfileVersion: fc.constantFrom('5.4', '6.0', '9.0', 5.4),
      importers: lockishValue,
      packages: lockishValue,
      snapshots: lockishValue,
      dependencies: lockishValue,
    });
    await fc.assert(fc.asyncProperty(shaped, async (doc) => parsesOrUserError(pnpm, 'pnpm-lock.yaml', stringify(doc))), { numRuns: 300 });
    await fc.assert(fc.asyncProperty(fc.string(), async (text) => parsesOrUserError(pnpm, 'pnpm-lock.yaml', text)));
  });
});
