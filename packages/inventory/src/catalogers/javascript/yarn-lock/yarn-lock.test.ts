import { UserError } from '@rampart/core';
import * as fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { catalogFixture, catalogText, lockishValue, parsesOrUserError } from '../testing.js';
import { yarnLockCataloger as yarn } from './index.js';

const byName = <T extends { name: string }>(packages: T[], name: string): T[] => packages.filter((p) => p.name === name);
const V1 = '# yarn lockfile v1\n\n';

describe('yarn-lock', () => {
  it('claims yarn.lock outside node_modules', () => {
    expect(yarn.claims('yarn.lock')).toBe(true);
    expect(yarn.claims('web/yarn.lock')).toBe(true);
    expect(yarn.claims('node_modules/x/yarn.lock')).toBe(false);
  });

  it.each(['js-yarn-classic', 'js-yarn-berry'])('reads the real lockfile %s', async (fixture) => {
    const result = await catalogFixture(yarn, fixture, 'yarn.lock');
    expect(result.root).toMatchObject({ name: 'js-small', version: '0.1.0', licenses: ['MIT'] });
    expect(result.root?.dependsOn).toHaveLength(8);
    // A dev dependency of the project that chokidar also needs (through braces): production.
    expect(byName(result.packages, 'is-number')[0]).toMatchObject({ dev: false, direct: true });
    expect(byName(result.packages, 'kleur')[0]).toMatchObject({ dev: false, direct: true, optional: true });
    expect(byName(result.packages, 'fsevents')[0]).toMatchObject({ version: '2.3.3', optional: true });
    expect(byName(result.packages, 'fsevents')).toHaveLength(1);
    expect(byName(result.packages, 'ansi-regex')[0]).toMatchObject({ dev: false, direct: false });
    expect(byName(result.packages, '@babel/code-frame')[0]?.purl).toBe('pkg:npm/%40babel/code-frame@7.24.7');
    expect(byName(result.packages, 'chokidar')[0]?.dependsOn).toContain('pkg:npm/fsevents@2.3.3');
  });

  it('gives classic and berry lockfiles of one project the same packages and edges (berry adds node-gyp to fsevents)', async () => {
    const [classic, berry] = await Promise.all(['js-yarn-classic', 'js-yarn-berry'].map((f) => catalogFixture(yarn, f, 'yarn.lock')));
    const graph = (r: typeof classic, drop: Set<string>) =>
      r?.packages.filter((p) => !drop.has(p.purl)).map((p) => `${p.purl} -> ${p.dependsOn.filter((d) => !drop.has(d)).join(',')}`);
    const onlyBerry = new Set(berry?.packages.filter((p) => !classic?.packages.some((c) => c.purl === p.purl)).map((p) => p.purl));
    // Everything only berry has hangs below fsevents and is optional.
    for (const purl of onlyBerry) expect(berry?.packages.find((p) => p.purl === purl)?.optional).toBe(true);
    // Berry records peers (react-dom -> react) that yarn 1 neither installs nor locks.
    const peerless = (lines: string[] | undefined) => lines?.map((l) => (l.startsWith('pkg:npm/react-dom@') ? l.replace(/pkg:npm\/react@[^,]*,?/, '') : l));
    expect(peerless(graph(berry, onlyBerry))).toEqual(peerless(graph(classic, new Set())));
  });

  it('reads integrity from yarn 1 and leaves out berry checksums, which hash yarn\'s own zip', async () => {
    const classic = await catalogFixture(yarn, 'js-yarn-classic', 'yarn.lock');
    expect(byName(classic.packages, 'debug')[0]?.hashes[0]?.alg).toBe('sha512');
    const berry = await catalogFixture(yarn, 'js-yarn-berry', 'yarn.lock');
    expect(byName(berry.packages, 'debug')[0]?.hashes).toEqual([]);
  });

  it.each(['js-yarn-classic-workspace', 'js-yarn-berry-workspace'])('makes the members of %s roots, follows aliases', async (fixture) => {
    const result = await catalogFixture(yarn, fixture, 'yarn.lock');
    expect(result.root).toMatchObject({ name: 'js-yarn-ws', dependsOn: ['pkg:npm/is-number@7.0.0'] });
    expect(result.members?.map((m) => [m.name, m.dependsOn])).toEqual([
      ['@js-yarn-ws/a', ['pkg:npm/%40js-yarn-ws/b@2.0.0', 'pkg:npm/debug@2.6.9', 'pkg:npm/ms@2.1.3']],
      ['@js-yarn-ws/b', ['pkg:npm/ms@2.0.0']],
    ]);
    expect(result.members?.[1]?.licenses).toEqual(['ISC']);
    expect(result.packages.map((p) => p.name)).not.toContain('@js-yarn-ws/b');
    expect(byName(result.packages, 'is-number')[0]?.dev).toBe(true);
    expect(byName(result.packages, 'ms').map((p) => [p.version, p.dev])).toEqual([['2.0.0', false], ['2.1.3', false]]);
    expect(result.problems).toEqual([]);
  });

  it('dedupes entries that resolve to one version and tells nothing about dev without a package.json', async () => {
    const text = `${V1}a@^1.0.0:\n  version "1.0.0"\n  dependencies:\n    b "^1.0.0"\n\na@^1.0.1:\n  version "1.0.0"\n  dependencies:\n    b "^1.0.0"\n\nb@^1.0.0:\n  version "1.0.0"\n`;
    const result = await catalogText(yarn, 'yarn.lock', text);
    expect(result.packages.map((p) => [p.purl, p.dev, p.dependsOn])).toEqual([
      ['pkg:npm/a@1.0.0', false, ['pkg:npm/b@1.0.0']],
      ['pkg:npm/b@1.0.0', false, []],
    ]);
    expect(result.root).toBeUndefined();
    expect(result.problems?.[0]?.message).toContain('no package.json');
  });

  it.each([
    ['__metadata:\n  version: 3\n', '__metadata.version "3"'],
    ['__metadata:\n  version: 99\n', '__metadata.version "99"'],
    ['a@npm:1:\n  version: 1\n', 'field __metadata'],
    [`${V1}a@1:\n  version "1"\n  dependencies "x"\n`, 'field "a@1".dependencies'],
    [`${V1}a@1:\n  version\n`, 'is not a valid yarn.lock'],
    ['__metadata: [\n', 'is not a valid yarn.lock'],
    ['__metadata:\n  version: 8\n"a b@npm:1":\n  version: 1.0.0\n  resolution: "a b@npm:1.0.0"\n', 'field "a b@npm:1"'],
  ])('refuses %j with a UserError naming the file', async (text, message) => {
    const run = catalogText(yarn, 'app/yarn.lock', text);
    await expect(run).rejects.toBeInstanceOf(UserError);
    await expect(run).rejects.toThrow('app/yarn.lock');
    await expect(run).rejects.toThrow(message);
  });

  it('parses or throws a UserError on arbitrary input', async () => {
    const berry = fc.dictionary(fc.constantFrom('a@npm:1.0.0', '"@s/b@npm:^2, @s/b@npm:^2.1"', 'w@workspace:.', 'c@patch:c@npm%3A1#x'), lockishValue, { maxKeys: 4 });
    await fc.assert(
      fc.asyncProperty(berry, fc.constantFrom(4, 6, 8, 10), async (doc, version) =>
        parsesOrUserError(yarn, 'yarn.lock', stringify({ __metadata: { version }, ...doc })),
      ),
      { numRuns: 200 },
    );
    await fc.assert(fc.asyncProperty(fc.string(), async (text) => parsesOrUserError(yarn, 'yarn.lock', `${V1}${text}`)), { numRuns: 200 });
    await fc.assert(fc.asyncProperty(fc.string(), async (text) => parsesOrUserError(yarn, 'yarn.lock', text)), { numRuns: 200 });
  });
});
