import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateCycloneDx, validateSpdx } from '@rampart/sbom';
import { describe, expect, it } from 'vitest';
import { main } from './main.js';
import { recordingDeps as deps } from './testing/recording-deps.js';

const fixture = join(import.meta.dirname, '../test/fixtures/sbom-project');

/** A copy of the fixture project (a package-lock.json made by npm 10, a requirements.txt) to write into. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-sbom-'));
  cpSync(fixture, dir, { recursive: true });
  return dir;
}

interface Cdx {
  metadata: { timestamp: string; component?: { name: string } };
  components: { name: string; version: string; purl: string; group?: string }[];
  dependencies: { ref: string; dependsOn?: string[] }[];
}

describe('rampart sbom', () => {
  it('writes a CycloneDX and an SPDX SBOM that validate, with every package of the lockfile and the requirements', async () => {
    const dir = project();
    const d = deps(dir);
    expect(await main(['sbom', '.', '--fail-on', 'none'], d.deps), d.err()).toBe(0);
    const cdxText = readFileSync(join(dir, 'rampart-reports/sbom.cdx.json'), 'utf8');
    const spdxText = readFileSync(join(dir, 'rampart-reports/sbom.spdx.json'), 'utf8');
    expect(await validateCycloneDx(cdxText, '1.6')).toEqual([]);
    expect(validateSpdx(spdxText)).toEqual([]);
    const cdx = JSON.parse(cdxText) as Cdx;
    const purls = cdx.components.map((c) => c.purl).sort();
    expect(purls).toEqual(
      expect.arrayContaining([
        'pkg:npm/%40sindresorhus/is@4.6.0',
        'pkg:npm/debug@4.3.4',
        'pkg:npm/isarray@2.0.5',
        'pkg:npm/ms@2.1.2',
        'pkg:pypi/idna@3.6',
        'pkg:pypi/requests@2.31.0',
      ]),
    );
    expect(cdx.dependencies.find((x) => x.ref === 'pkg:npm/debug@4.3.4')?.dependsOn).toEqual(['pkg:npm/ms@2.1.2']);
    expect(d.out()).toMatch(/SBOM: 6 packages from 2 lockfiles, manifests or package directories/);
    expect(readFileSync(join(dir, 'rampart-reports/inventory.json'), 'utf8')).toContain('"rampartInventory":1');
  });

  it('gives the same bytes twice under SOURCE_DATE_EPOCH', async () => {
    const dir = project();
    const env = { SOURCE_DATE_EPOCH: '1700000000' };
    expect(await main(['sbom', '.', '--out-dir', 'a', '--fail-on', 'none'], deps(dir, env).deps)).toBe(0);
    expect(await main(['sbom', '.', '--out-dir', 'b', '--fail-on', 'none'], deps(dir, env).deps)).toBe(0);
    for (const f of ['sbom.cdx.json', 'sbom.spdx.json']) {
      expect(readFileSync(join(dir, 'b', f), 'utf8')).toBe(readFileSync(join(dir, 'a', f), 'utf8'));
    }
    const cdx = JSON.parse(readFileSync(join(dir, 'a/sbom.cdx.json'), 'utf8')) as Cdx;
    expect(cdx.metadata.timestamp).toMatch(/^2023-11-14T22:13:20/);
  });

  it('writes CycloneDX 1.5 alone when asked', async () => {
    const dir = project();
    expect(await main(['sbom', '.', '--format', 'cyclonedx', '--spec-version', '1.5', '--fail-on', 'none'], deps(dir).deps)).toBe(0);
    const text = readFileSync(join(dir, 'rampart-reports/sbom.cdx.json'), 'utf8');
    expect(JSON.parse(text)).toMatchObject({ specVersion: '1.5' });
    expect(await validateCycloneDx(text, '1.5')).toEqual([]);
  });

  it('fails the gate on a denied license from .rampart.yml', async () => {
    const dir = project();
    writeFileSync(join(dir, '.rampart.yml'), 'license-policy:\n  deny: [MIT]\n');
    const d = deps(dir);
    expect(await main(['sbom', '.', '--fail-on', 'high', '--json', '--formats', 'json,sarif'], d.deps)).toBe(1);
    const summary = JSON.parse(d.out()) as { gate: { causes: { ruleId: string }[] } };
    expect(summary.gate.causes.length).toBeGreaterThanOrEqual(3);
  });

  it('refuses a malformed lockfile with exit 2, naming it, and writes nothing', async () => {
    const dir = project();
    writeFileSync(join(dir, 'package-lock.json'), '{"lockfileVersion": 3, "packages": ');
    const d = deps(dir);
    expect(await main(['sbom', '.'], d.deps)).toBe(2);
    expect(d.err()).toContain('package-lock.json');
    expect(() => readFileSync(join(dir, 'rampart-reports/sbom.cdx.json'))).toThrow();
  });

  it('refuses an unknown format', async () => {
    const d = deps(project());
    expect(await main(['sbom', '.', '--format', 'swid'], d.deps)).toBe(2);
    expect(d.err()).toMatch(/--format.*cyclonedx, spdx, both/);
  });
});
