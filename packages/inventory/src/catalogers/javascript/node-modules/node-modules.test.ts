import { UserError } from '@rampart/core';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogFixture, catalogText, lockishValue, parsesOrUserError } from '../testing.js';
import { nodeModulesCataloger as installed } from './index.js';

describe('npm-installed', () => {
  it.each([
    ['node_modules/a/package.json', true],
    ['node_modules/@s/b/package.json', true],
    ['node_modules/a/node_modules/c/package.json', true],
    ['node_modules/a/node_modules/@s/c/node_modules/d/package.json', true],
    ['apps/web/node_modules/a/package.json', true],
    ['node_modules/.pnpm/d@1.0.0/node_modules/d/package.json', true],
    ['node_modules/.pnpm/@s+b@1.0.0/node_modules/@s/b/package.json', true],
    ['package.json', false],
    ['node_modules/a/lib/package.json', false],
    ['node_modules/a/test/fixtures/node_modules/x/package.json', false],
    ['node_modules/@s/package.json', false],
    ['node_modules/.bin/package.json', false],
    ['node_modules/.package-lock.json', false],
  ])('claims %s: %s', (path, claimed) => {
    expect(installed.claims(path)).toBe(claimed);
  });

  it('reads name, version and every form of license', async () => {
    const read = (path: string) => catalogFixture(installed, 'js-node-modules', path);
    expect((await read('node_modules/a/package.json')).packages).toMatchObject([
      { purl: 'pkg:npm/a@1.0.0', licenses: ['MIT'], locations: ['node_modules/a/package.json'], dependsOn: [], direct: false, dev: false },
    ]);
    expect((await read('node_modules/a/node_modules/c/package.json')).packages[0]?.licenses).toEqual(['BSD-3-Clause']);
    expect((await read('node_modules/@s/b/package.json')).packages[0]).toMatchObject({
      purl: 'pkg:npm/%40s/b@3.1.0',
      licenses: ['MIT', 'Apache-2.0'],
    });
    expect((await read('node_modules/e/package.json')).packages[0]?.purl).toBe('pkg:npm/c@2.0.0');
    const spaced = await catalogText(installed, 'node_modules/a/package.json', '{"name":"a b","version":"1.0.0"}');
    expect(spaced.packages).toEqual([]);
    expect(spaced.problems?.[0]?.message).toContain('not an npm name');
    const unnamed = await read('node_modules/f/package.json');
    expect(unnamed.packages).toEqual([]);
    expect(unnamed.problems?.[0]?.message).toContain('no name or version');
    expect((await read('node_modules/a/package.json')).root).toBeUndefined();
  });

  it('takes dev and optional from the lockfile beside the tree, so merging with it keeps them', async () => {
    const lock = {
      lockfileVersion: 3,
      packages: {
        '': { devDependencies: { a: '1' }, optionalDependencies: { o: '1' } },
        'node_modules/a': { version: '1.0.0', dev: true },
        'node_modules/o': { version: '2.0.0', optional: true },
      },
    };
    const tree = { 'app/package-lock.json': JSON.stringify(lock) };
    const a = await catalogText(installed, 'app/node_modules/a/package.json', '{"name":"a","version":"1.0.0"}', tree);
    expect(a.packages[0]).toMatchObject({ dev: true });
    const o = await catalogText(installed, 'app/node_modules/o/package.json', '{"name":"o","version":"2.0.0"}', tree);
    expect(o.packages[0]).toMatchObject({ dev: false, optional: true });
    const other = await catalogText(installed, 'node_modules/a/package.json', '{"name":"a","version":"1.0.0"}', tree);
    expect(other.packages[0]).toMatchObject({ dev: false });
    const member = await catalogText(installed, 'app/packages/m/node_modules/a/package.json', '{"name":"a","version":"1.0.0"}', tree);
    expect(member.packages[0]).toMatchObject({ dev: true });
    const broken = await catalogText(installed, 'app/node_modules/a/package.json', '{"name":"a","version":"1.0.0"}', { 'app/package-lock.json': '{' });
    expect(broken.packages[0]).toMatchObject({ dev: false });
  });

  it('refuses a package.json that is not JSON with a UserError naming the file', async () => {
    const run = catalogText(installed, 'node_modules/a/package.json', '{"name": ');
    await expect(run).rejects.toBeInstanceOf(UserError);
    await expect(run).rejects.toThrow('node_modules/a/package.json');
  });

  it('parses or throws a UserError on arbitrary input', async () => {
    await fc.assert(fc.asyncProperty(lockishValue, async (v) => parsesOrUserError(installed, 'node_modules/a/package.json', JSON.stringify(v) ?? '')), { numRuns: 300 });
    await fc.assert(fc.asyncProperty(fc.string(), async (t) => parsesOrUserError(installed, 'node_modules/a/package.json', t)));
  });
});
