import { catalog, nodeFs } from '@rampart/inventory';
import { describe, expect, it } from 'vitest';
import { buildCycloneDx } from './cyclonedx/build.js';
import { validateCycloneDx } from './cyclonedx/validate.js';
import { licenseFindings } from './policy/findings.js';
import { buildSpdx } from './spdx/build.js';
import type { SpdxDocument } from './spdx/types.js';
import { validateSpdx } from './spdx/validate.js';
import { fixturePath, OPTIONS } from './testing/inventory.js';

// Lockfiles written by real npm 10 and pnpm 10 (`install --lockfile-only` / `--package-lock-only`), not by hand.
const npmTree = () => catalog(nodeFs(fixturePath('real-npm')));
const pnpmTree = () => catalog(nodeFs(fixturePath('real-pnpm-workspace')));

interface Bom {
  metadata: { component: { 'bom-ref': string; name: string } };
  components: { 'bom-ref': string; name: string; group?: string; scope?: string; type: string; hashes?: unknown[] }[];
  dependencies: { ref: string; dependsOn?: string[] }[];
}

describe('SBOMs of a tree inventoried by the JavaScript catalogers', () => {
  it('npm: valid CycloneDX 1.6 and 1.5 and SPDX, with the graph and scopes of the lockfile', async () => {
    const inventory = await npmTree();
    const cdx = buildCycloneDx(inventory, OPTIONS);
    expect(await validateCycloneDx(cdx)).toEqual([]);
    expect(await validateCycloneDx(buildCycloneDx(inventory, { ...OPTIONS, specVersion: '1.5' }), '1.5')).toEqual([]);
    const bom = JSON.parse(cdx) as Bom;
    expect(bom.metadata.component).toMatchObject({ 'bom-ref': 'pkg:npm/real-js-app@1.2.0', name: 'real-js-app' });
    expect(bom.components).toHaveLength(inventory.packages.length);
    expect(bom.components.length).toBeGreaterThan(70);
    expect(bom.components.every((c) => (c.hashes?.length ?? 0) > 0)).toBe(true);
    const find = (ref: string) => bom.components.find((c) => c['bom-ref'] === ref);
    expect(find('pkg:npm/%40sindresorhus/is@4.6.0')).toMatchObject({ group: '@sindresorhus', name: 'is', scope: 'required' });
    expect(find('pkg:npm/chalk@2.4.2')?.scope).toBe('excluded');
    const rootDeps = bom.dependencies.find((d) => d.ref === 'pkg:npm/real-js-app@1.2.0')?.dependsOn;
    expect(rootDeps).toEqual(['pkg:npm/%40sindresorhus/is@4.6.0', 'pkg:npm/chalk@2.4.2', 'pkg:npm/express@4.19.2']);
    expect(bom.dependencies.find((d) => d.ref === 'pkg:npm/express@4.19.2')?.dependsOn).toContain('pkg:npm/body-parser@1.20.2');

    const spdxJson = buildSpdx(inventory, OPTIONS);
    expect(validateSpdx(spdxJson)).toEqual([]);
    const spdx = JSON.parse(spdxJson) as SpdxDocument;
    expect(spdx.packages).toHaveLength(inventory.packages.length + 1);
    expect(spdx.relationships.filter((r) => r.relationshipType === 'DEV_DEPENDENCY_OF')).toHaveLength(1);
  });

  it('npm: the same bytes from two inventories of the same tree', async () => {
    expect(buildCycloneDx(await npmTree(), OPTIONS)).toBe(buildCycloneDx(await npmTree(), OPTIONS));
    expect(buildSpdx(await npmTree(), OPTIONS)).toBe(buildSpdx(await npmTree(), OPTIONS));
  });

  it('pnpm workspace: several importers under a project root, valid in both formats', async () => {
    const inventory = await pnpmTree();
    expect(inventory.roots.length).toBeGreaterThan(1);
    const options = { ...OPTIONS, projectName: 'real-pnpm-workspace' };
    const cdx = buildCycloneDx(inventory, options);
    expect(await validateCycloneDx(cdx)).toEqual([]);
    const bom = JSON.parse(cdx) as Bom;
    expect(bom.metadata.component.name).toBe('real-pnpm-workspace');
    const projectDeps = bom.dependencies.find((d) => d.ref === bom.metadata.component['bom-ref'])?.dependsOn;
    expect(projectDeps).toEqual(inventory.roots.map((r) => r.ref).sort());
    for (const r of inventory.roots) expect(bom.components.find((c) => c['bom-ref'] === r.ref)?.type).toBe('application');
    const spdxJson = buildSpdx(inventory, options);
    expect(validateSpdx(spdxJson)).toEqual([]);
    const describes = (JSON.parse(spdxJson) as SpdxDocument).relationships.filter((r) => r.relationshipType === 'DESCRIBES');
    expect(describes).toHaveLength(inventory.roots.length);
  });

  it('license policy over a real tree: denied ids, and unknown licenses under an allow list', async () => {
    const npm = await npmTree();
    const denied = licenseFindings(npm, { allow: [], deny: ['MIT'] }, '0.1.0');
    expect(denied.length).toBeGreaterThan(50);
    expect(denied.every((f) => f.severity === 'high' && f.location.type === 'package' && f.location.file === 'package-lock.json')).toBe(true);
    const pnpm = await pnpmTree();
    const unknown = licenseFindings(pnpm, { allow: ['MIT'], deny: [] }, '0.1.0');
    // pnpm lockfiles do not record licenses, so what the cataloger cannot read is reported, not passed.
    const unlicensed = pnpm.packages.filter((p) => p.licenses.length === 0).map((p) => p.purl);
    expect(unknown.filter((f) => f.ruleId === 'license-unknown').map((f) => f.location.type === 'package' && f.location.purl)).toEqual(unlicensed);
  });
});
