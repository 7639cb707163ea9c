import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError, recordingLogger } from '@rampart/core';
import { PackageURL } from 'packageurl-js';
import { describe, expect, it } from 'vitest';
import type { Cataloger } from '../cataloger.js';
import { memoryFs } from '../fs/memory.js';
import { purlParts } from '../purl.js';
import { CATALOGERS } from './index.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const fixturesRoot = join(here, '../../test/fixtures');

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full));
    else out.push(full);
  }
  return out;
}

/** Every fixture file a cataloger claims, across all of `test/fixtures/`. */
function claimedFixtures(c: Cataloger): { path: string; bytes: Buffer; root: string }[] {
  const out: { path: string; bytes: Buffer; root: string }[] = [];
  for (const caseDir of readdirSync(fixturesRoot)) {
    const root = join(fixturesRoot, caseDir);
    if (!statSync(root).isDirectory()) continue;
    for (const file of filesUnder(root)) {
      const path = relative(root, file).split('\\').join('/');
      if (c.claims(path)) out.push({ path, bytes: readFileSync(file), root });
    }
  }
  return out;
}

function treeOf(root: string) {
  const files: Record<string, Uint8Array> = {};
  for (const file of filesUnder(root)) files[relative(root, file).split('\\').join('/')] = new Uint8Array(readFileSync(file));
  return memoryFs(files);
}

describe('cataloger registry', () => {
  it('registers every cataloger exported by an ecosystem folder', async () => {
    const folders = readdirSync(here).filter((n) => statSync(join(here, n)).isDirectory());
    expect(folders.length).toBeGreaterThan(0);
    for (const folder of folders) {
      const mod = (await import(`./${folder}/index.ts`)) as Record<string, unknown>;
      const exported = Object.values(mod).flatMap((v) => (Array.isArray(v) ? v : [v]));
      const catalogers = exported.filter(
        (v): v is Cataloger => typeof v === 'object' && v !== null && 'claims' in v && 'catalog' in v,
      );
      expect(catalogers.length, `${folder}/index.ts exports no cataloger`).toBeGreaterThan(0);
      for (const c of catalogers) expect(CATALOGERS, `${c.id} from ${folder} is not registered`).toContain(c);
    }
  });

  it('has unique kebab-case ids', () => {
    const ids = CATALOGERS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe.each(CATALOGERS.map((c) => [c.id, c] as const))('cataloger %s meets the contract', (_id, c) => {
  const fixtures = claimedFixtures(c);

  it('claims at least one fixture', () => {
    expect(fixtures.length, `no file under test/fixtures/ is claimed by ${c.id}`).toBeGreaterThan(0);
  });

  it('returns packages whose purl, locations and edges are consistent', async () => {
    for (const fixture of fixtures) {
      const result = await c.catalog({
        path: fixture.path,
        text: async () => fixture.bytes.toString('utf8'),
        fs: treeOf(fixture.root),
        logger: recordingLogger(),
      });
      const purls = new Set(result.packages.map((p) => p.purl));
      for (const p of result.packages) {
        expect(p.ecosystem).toBe(c.ecosystem);
        const parsed = PackageURL.fromString(p.purl);
        expect(parsed.type).toBe(p.ecosystem);
        expect(parsed.version).toBe(p.version);
        const parts = purlParts(p.ecosystem, p.name);
        expect(parsed.name.toLowerCase()).toBe(parts.name.toLowerCase().replace(/_/g, p.ecosystem === 'pypi' ? '-' : '_'));
        expect(p.locations).toContain(fixture.path);
        for (const dep of p.dependsOn) expect(purls, `${p.purl} -> ${dep} in ${fixture.path}`).toContain(dep);
      }
      const roots = [...(result.root ? [result.root] : []), ...(result.members ?? [])];
      const refs = new Set([...purls, ...roots.map((r) => r.ref)]);
      for (const root of roots) {
        for (const dep of root.dependsOn) expect(refs, `${root.ref} -> ${dep} in ${fixture.path}`).toContain(dep);
      }
    }
  });

  it('refuses input that is not its format with a UserError naming the file', async () => {
    const path = fixtures[0]?.path ?? 'unclaimed';
    const garbage = '\u0000\u0001 this is not a lockfile {[';
    const run = c.catalog({
      path,
      text: async () => garbage,
      fs: memoryFs({ [path]: garbage }),
      logger: recordingLogger(),
    });
    await expect(run).rejects.toBeInstanceOf(UserError);
    await expect(run).rejects.toThrow(path);
  });
});
