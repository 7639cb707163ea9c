import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError, recordingLogger } from '@rampart/core';
import fc from 'fast-check';
import { PackageURL } from 'packageurl-js';
import { describe, expect, it } from 'vitest';
import type { Cataloger } from '../../cataloger.js';
import { memoryFs } from '../../fs/memory.js';
import { nodeFs } from '../../fs/node.js';
import { goModCataloger } from './go-mod.js';
import { goSumCataloger } from './go-sum.js';

const fixtures = fileURLToPath(new URL('../../../test/fixtures/', import.meta.url));

async function run(c: Cataloger, caseDir: string, path: string) {
  const fs = nodeFs(join(fixtures, caseDir));
  return c.catalog({ path, text: () => fs.readText(path), fs, logger: recordingLogger() });
}
async function runText(c: Cataloger, path: string, text: string, files: Record<string, string> = {}) {
  return c.catalog({ path, text: async () => text, fs: memoryFs({ [path]: text, ...files }), logger: recordingLogger() });
}

describe('go-mod', () => {
  it('reads requires, indirect flags, replaces, the module root and go.sum hashes', async () => {
    const { root, packages, problems } = await run(goModCataloger, 'go-module', 'go.mod');
    const by = Object.fromEntries(packages.map((p) => [p.name, p]));
    expect(root).toMatchObject({ name: 'example.com/shop/cli', purl: 'pkg:golang/example.com/shop/cli', manifest: 'go.mod' });
    expect(Object.keys(by).sort()).toEqual([
      'github.com/BurntSushi/toml',
      'github.com/cpuguy83/go-md2man/v2',
      'github.com/inconshreveable/mousetrap',
      'github.com/russross/blackfriday/v2',
      'github.com/spf13/cobra',
      'github.com/spf13/pflag',
      'gopkg.in/yaml.v3',
    ]);
    expect(by['github.com/spf13/cobra']).toMatchObject({ version: 'v1.8.0', direct: true, dev: false, purl: 'pkg:golang/github.com/spf13/cobra@v1.8.0' });
    expect(by['github.com/russross/blackfriday/v2']).toMatchObject({ direct: false, purl: 'pkg:golang/github.com/russross/blackfriday/v2@v2.1.0' });
    expect(by['github.com/BurntSushi/toml']?.direct).toBe(true);
    // pflag is replaced by a pseudo-version of itself, which has no go.sum line here: no hash.
    expect(by['github.com/spf13/pflag']).toMatchObject({ version: 'v1.0.6-0.20210604193023-d5e0c0615ace', hashes: [] });
    expect(by['gopkg.in/yaml.v3']?.hashes).toEqual([
      { alg: 'sha256', value: Buffer.from('fxVm/GzAzEWqLHuvctI91KS9hhNmmWOoWu0XTYJS7CA=', 'base64').toString('hex') },
    ]);
    expect(root?.dependsOn.sort()).toEqual([
      'pkg:golang/github.com/BurntSushi/toml@v1.3.2',
      'pkg:golang/github.com/spf13/cobra@v1.8.0',
      'pkg:golang/gopkg.in/yaml.v3@v3.0.1',
    ]);
    expect(problems?.map((p) => p.message)).toEqual([expect.stringMatching(/example\.com\/shop\/internal is replaced by a local directory/)]);
  });

  it('reads the real viper go.mod with every require hashed from its go.sum', async () => {
    const { root, packages, problems } = await run(goModCataloger, 'go-viper-real', 'go.mod');
    expect(root?.purl).toBe('pkg:golang/github.com/spf13/viper');
    expect(packages).toHaveLength(60);
    expect(packages.filter((p) => p.direct)).toHaveLength(14);
    expect(packages.every((p) => p.hashes.length === 1)).toBe(true);
    expect(problems).toEqual([]);
    expect(packages.find((p) => p.name === 'gopkg.in/ini.v1')).toMatchObject({ version: 'v1.66.2', direct: true });
  });

  it('ignores an editor\'s byte order mark', async () => {
    const { root } = await runText(goModCataloger, 'go.mod', '\uFEFFmodule example.com/a\n');
    expect(root?.name).toBe('example.com/a');
  });

  it('refuses unknown directives, missing module and a broken go.sum beside it, naming the file', async () => {
    await expect(runText(goModCataloger, 'x/go.mod', 'module a\nfrobnicate b\n')).rejects.toThrow(/x\/go\.mod:2: unknown directive/);
    await expect(runText(goModCataloger, 'x/go.mod', 'go 1.21\n')).rejects.toThrow(/has no module directive/);
    await expect(runText(goModCataloger, 'x/go.mod', 'module a\nrequire (\n')).rejects.toThrow(/unclosed require block/);
    await expect(runText(goModCataloger, 'x/go.mod', 'module a\n', { 'x/go.sum': 'nonsense\n' })).rejects.toThrow('x/go.sum:1');
  });

  it('parses or throws UserError for any input', async () => {
    const word = fc.string({ maxLength: 12 });
    const line = fc.oneof(
      fc.string(),
      fc.constantFrom('module a', 'require (', ')', 'b v1.0.0 // indirect', 'replace b => ./c', 'replace b v1 => d v2', 'require "x" v1', '"unterminated', 'go 1.21'),
      word.map((w) => `module ${w}`),
      fc.tuple(word, word).map(([m, v]) => `require ${m} ${v}`),
      fc.tuple(word, word).map(([m, v]) => `replace a v1.0.0 => ${m} ${v}`),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 8 }), async (lines) => {
        try {
          const r = await runText(goModCataloger, 'go.mod', lines.join('\n'));
          expect(r.root?.name).toBeTypeOf('string');
          const purls = new Set(r.packages.map((p) => p.purl));
          for (const p of r.packages) expect(PackageURL.fromString(p.purl).version).toBe(p.version);
          for (const d of r.root?.dependsOn ?? []) expect(purls).toContain(d);
        } catch (e) {
          expect(e).toBeInstanceOf(UserError);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('go-sum', () => {
  it('catalogs a go.sum alone: module zip lines, not /go.mod lines, with h1 hashes', async () => {
    const { packages } = await run(goSumCataloger, 'go-sum-only', 'go.sum');
    expect(packages).toHaveLength(6);
    expect(packages.every((p) => p.hashes.length === 1 && p.hashes[0]?.value.length === 64)).toBe(true);
    expect(packages.map((p) => p.purl)).toContain('pkg:golang/gopkg.in/check.v1@v0.0.0-20161208181325-20d25e280405');
  });

  it('leaves packages to go.mod when one is beside it', async () => {
    const { packages } = await run(goSumCataloger, 'go-module', 'go.sum');
    expect(packages).toEqual([]);
  });

  it('refuses malformed lines and hashes with a UserError naming the file and line', async () => {
    await expect(runText(goSumCataloger, 'm/go.sum', 'a v1.0.0 h1:abc\n')).rejects.toThrow(/m\/go\.sum:1: has a malformed h1: hash/);
    await expect(runText(goSumCataloger, 'm/go.sum', 'a v1.0.0\n')).rejects.toBeInstanceOf(UserError);
  });

  it('parses or throws UserError for any input', async () => {
    const line = fc.oneof(fc.string(), fc.constantFrom('a v1.0.0 h1:fxVm/GzAzEWqLHuvctI91KS9hhNmmWOoWu0XTYJS7CA=', 'a v1.0.0/go.mod h1:x', 'b v2 h2:zz'));
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 6 }), async (lines) => {
        try {
          await runText(goSumCataloger, 'go.sum', lines.join('\n'));
        } catch (e) {
          expect(e).toBeInstanceOf(UserError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
