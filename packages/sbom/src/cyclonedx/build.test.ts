import { writeFileSync } from 'node:fs';
import type { Inventory } from '@rampart/inventory';
import { describe, expect, it } from 'vitest';
import { fixturePath, inventory, OPTIONS, pkg, readFixture, root, shuffled } from '../testing/inventory.js';
import { buildSpdx } from '../spdx/build.js';
import { buildCycloneDx } from './build.js';
import { validateCycloneDx } from './validate.js';

interface CdxComponent {
  'bom-ref': string;
  type: string;
  name: string;
  group?: string;
  version?: string;
  purl?: string;
  scope?: string;
  licenses?: ({ license: { id?: string; name?: string; acknowledgement?: string } } | { expression: string; acknowledgement?: string })[];
  hashes?: { alg: string; content: string }[];
  properties?: { name: string; value: string }[];
}
interface CdxBom {
  serialNumber: string;
  specVersion: string;
  metadata: { timestamp: string; tools: { components: { name: string; version: string }[] }; component: CdxComponent };
  components: CdxComponent[];
  dependencies: { ref: string; dependsOn?: string[] }[];
}

const small = (): Inventory => JSON.parse(readFixture('small/inventory.json')) as Inventory;
const parse = (json: string) => JSON.parse(json) as CdxBom;
const component = (bom: CdxBom, ref: string) => bom.components.find((c) => c['bom-ref'] === ref);
const depsOf = (bom: CdxBom, ref: string) => bom.dependencies.find((d) => d.ref === ref)?.dependsOn;

describe('buildCycloneDx', () => {
  it.each(['1.6', '1.5'] as const)('writes CycloneDX %s that the library validator accepts', async (specVersion) => {
    const json = buildCycloneDx(small(), { ...OPTIONS, specVersion });
    expect(parse(json).specVersion).toBe(specVersion);
    expect(await validateCycloneDx(json, specVersion)).toEqual([]);
  });

  it('matches the golden file (checked by hand; UPDATE_GOLDEN=1 rewrites it)', () => {
    const json = buildCycloneDx(small(), OPTIONS);
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(fixturePath('small/expected.cdx.json'), json);
    expect(json).toBe(readFixture('small/expected.cdx.json'));
  });

  it('gives the same bytes for the same inventory, in any order', () => {
    const a = buildCycloneDx(small(), OPTIONS);
    expect(buildCycloneDx(small(), OPTIONS)).toBe(a);
    expect(buildCycloneDx(shuffled(small()), OPTIONS)).toBe(a);
  });

  it('merges disagreeing sightings of one purl the same way in any order', () => {
    const a = pkg({ purl: 'pkg:pypi/zope-interface@6.0', name: 'zope.interface', version: '6.0', ecosystem: 'pypi', licenses: ['ZPL-2.1'] });
    const b = pkg({ purl: 'pkg:pypi/zope-interface@6.0', name: 'zope_interface', version: '6.0', ecosystem: 'pypi', dev: true, locations: ['poetry.lock'] });
    const one = buildCycloneDx(inventory([], [a, b]), OPTIONS);
    expect(buildCycloneDx(inventory([], [b, a]), OPTIONS)).toBe(one);
    expect(buildSpdx(inventory([], [b, a]), OPTIONS)).toBe(buildSpdx(inventory([], [a, b]), OPTIONS));
    expect(parse(one).components).toHaveLength(1);
  });

  it('derives the serial number from the content, so another timestamp gives another serial', () => {
    const a = parse(buildCycloneDx(small(), OPTIONS));
    const b = parse(buildCycloneDx(small(), { ...OPTIONS, timestamp: new Date('2024-05-02T00:00:00Z') }));
    expect(a.serialNumber).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(b.serialNumber).not.toBe(a.serialNumber);
    expect(b.metadata.timestamp).toBe('2024-05-02T00:00:00.000Z');
  });

  it('names the tool in the 1.5+ tools.components form and uses the single root as the subject', () => {
    const bom = parse(buildCycloneDx(small(), OPTIONS));
    expect(bom.metadata.tools.components).toEqual([{ type: 'application', name: 'rampart', version: '0.1.0' }]);
    expect(bom.metadata.component).toMatchObject({
      'bom-ref': 'pkg:npm/%40acme/demo-app@1.0.0', type: 'application', group: '@acme', name: 'demo-app',
    });
    expect(component(bom, 'pkg:npm/%40acme/demo-app@1.0.0')).toBeUndefined();
  });

  it('splits npm scopes, Maven groups and Go module paths into group and name', () => {
    const inv = inventory([], [
      pkg({ purl: 'pkg:npm/%40babel/core@7.0.0', name: '@babel/core', version: '7.0.0' }),
      pkg({ purl: 'pkg:maven/org.apache.commons/commons-lang3@3.14.0', name: 'org.apache.commons:commons-lang3', version: '3.14.0', ecosystem: 'maven' }),
      pkg({ purl: 'pkg:golang/github.com/pkg/errors@v0.9.1', name: 'github.com/pkg/errors', version: 'v0.9.1', ecosystem: 'golang' }),
      pkg({ purl: 'pkg:pypi/requests@2.31.0', name: 'requests', version: '2.31.0', ecosystem: 'pypi' }),
    ]);
    const bom = parse(buildCycloneDx(inv, OPTIONS));
    expect(component(bom, 'pkg:npm/%40babel/core@7.0.0')).toMatchObject({ group: '@babel', name: 'core' });
    expect(component(bom, 'pkg:maven/org.apache.commons/commons-lang3@3.14.0')).toMatchObject({ group: 'org.apache.commons', name: 'commons-lang3' });
    expect(component(bom, 'pkg:golang/github.com/pkg/errors@v0.9.1')).toMatchObject({ group: 'github.com/pkg', name: 'errors' });
    expect(component(bom, 'pkg:pypi/requests@2.31.0')?.group).toBeUndefined();
  });

  it('writes a single license id as license.id and anything else as one expression', async () => {
    const inv = inventory([], [
      pkg({ purl: 'pkg:npm/a@1', name: 'a', version: '1', licenses: ['MIT'] }),
      pkg({ purl: 'pkg:npm/b@1', name: 'b', version: '1', licenses: ['MIT OR Apache-2.0'] }),
      pkg({ purl: 'pkg:npm/c@1', name: 'c', version: '1', licenses: ['MIT', 'ISC'] }),
      pkg({ purl: 'pkg:npm/d@1', name: 'd', version: '1', licenses: ['MIT', 'GPL-2.0-only WITH Classpath-exception-2.0'] }),
      pkg({ purl: 'pkg:npm/e@1', name: 'e', version: '1', licenses: ['LicenseRef-acme'] }),
      pkg({ purl: 'pkg:npm/f@1', name: 'f', version: '1', licenses: ['Acme Community License', 'MIT'] }),
    ]);
    const json = buildCycloneDx(inv, OPTIONS);
    expect(await validateCycloneDx(json)).toEqual([]);
    const bom = parse(json);
    const d = 'declared';
    expect(component(bom, 'pkg:npm/a@1')?.licenses).toEqual([{ license: { id: 'MIT', acknowledgement: d } }]);
    expect(component(bom, 'pkg:npm/b@1')?.licenses).toEqual([{ expression: 'MIT OR Apache-2.0', acknowledgement: d }]);
    expect(component(bom, 'pkg:npm/c@1')?.licenses).toEqual([
      { license: { id: 'MIT', acknowledgement: d } }, { license: { id: 'ISC', acknowledgement: d } },
    ]);
    expect(component(bom, 'pkg:npm/d@1')?.licenses).toEqual([
      { expression: 'MIT AND (GPL-2.0-only WITH Classpath-exception-2.0)', acknowledgement: d },
    ]);
    expect(component(bom, 'pkg:npm/e@1')?.licenses).toEqual([{ expression: 'LicenseRef-acme', acknowledgement: d }]);
    expect(component(bom, 'pkg:npm/f@1')?.licenses).toEqual([
      { license: { id: 'MIT', acknowledgement: d } }, { license: { name: 'Acme Community License', acknowledgement: d } },
    ]);
    // 1.5 has no acknowledgement; the library leaves it out there.
    const v15 = parse(buildCycloneDx(inv, { ...OPTIONS, specVersion: '1.5' }));
    expect(component(v15, 'pkg:npm/a@1')?.licenses).toEqual([{ license: { id: 'MIT' } }]);
  });

  it('maps hash algorithms to CycloneDX names and keeps every one', async () => {
    const bom = parse(buildCycloneDx(small(), OPTIONS));
    expect(component(bom, 'pkg:npm/lodash@4.17.21')?.hashes?.map((h) => h.alg)).toEqual(['SHA-1', 'SHA-512']);
    expect(component(bom, 'pkg:npm/dual@1.0.0')?.hashes?.map((h) => h.alg)).toEqual(['MD5', 'SHA-384']);
    expect(component(bom, 'pkg:npm/%40babel/code-frame@7.24.7')?.hashes?.map((h) => h.alg)).toEqual(['SHA-256']);
    // Upper-case hex from a source is written lower-case, as the inventory promises.
    expect(component(bom, 'pkg:npm/lodash@4.17.21')?.hashes?.[0]?.content).toMatch(/^[0-9a-f]{40}$/);
  });

  it('scopes dev packages as excluded (with the cdx:npm dev property), optional ones as optional', () => {
    const bom = parse(buildCycloneDx(small(), OPTIONS));
    const frame = component(bom, 'pkg:npm/%40babel/code-frame@7.24.7');
    expect(frame?.scope).toBe('excluded');
    expect(frame?.properties).toContainEqual({ name: 'cdx:npm:package:development', value: 'true' });
    expect(component(bom, 'pkg:npm/fsevents@2.3.3')?.scope).toBe('optional');
    expect(component(bom, 'pkg:npm/lodash@4.17.21')?.scope).toBe('required');
    expect(component(bom, 'pkg:npm/lodash@4.17.21')?.properties).toEqual([
      { name: 'rampart:location', value: 'package-lock.json' },
      { name: 'rampart:location', value: 'packages/web/package-lock.json' },
    ]);
  });

  it('writes the dependency graph with sorted refs and no dangling ones', () => {
    const bom = parse(buildCycloneDx(small(), OPTIONS));
    expect(depsOf(bom, 'pkg:npm/%40acme/demo-app@1.0.0')).toEqual([
      'pkg:npm/%40babel/code-frame@7.24.7', 'pkg:npm/dual@1.0.0', 'pkg:npm/fsevents@2.3.3', 'pkg:npm/lodash@4.17.21',
    ]);
    expect(depsOf(bom, 'pkg:npm/%40babel/code-frame@7.24.7')).toEqual(['pkg:npm/picocolors@1.0.1']);
    expect(bom.dependencies.map((d) => d.ref)).toContain('pkg:npm/picocolors@1.0.1');
    expect(JSON.stringify(bom)).not.toContain('missing@9.9.9');
    expect(JSON.stringify(bom)).not.toContain('not-listed');
  });

  it('puts several roots under a synthetic project root, each root also a component', async () => {
    const inv = inventory(
      [
        root({ ref: 'root:web/package-lock.json', name: 'web', manifest: 'web/package-lock.json', dependsOn: ['pkg:npm/a@1'] }),
        root({ ref: 'pkg:maven/com.acme/api@2.0', name: 'com.acme:api', version: '2.0', ecosystem: 'maven', purl: 'pkg:maven/com.acme/api@2.0', manifest: 'api/pom.xml', dependsOn: ['pkg:maven/org.x/y@1'] }),
      ],
      [
        pkg({ purl: 'pkg:npm/a@1', name: 'a', version: '1' }),
        pkg({ purl: 'pkg:maven/org.x/y@1', name: 'org.x:y', version: '1', ecosystem: 'maven', locations: ['api/pom.xml'] }),
      ],
    );
    const json = buildCycloneDx(inv, OPTIONS);
    const bom = parse(json);
    expect(bom.metadata.component).toMatchObject({ 'bom-ref': 'project:demo', name: 'demo', type: 'application' });
    expect(depsOf(bom, 'project:demo')).toEqual(['pkg:maven/com.acme/api@2.0', 'root:web/package-lock.json']);
    expect(component(bom, 'root:web/package-lock.json')).toMatchObject({ type: 'application', name: 'web' });
    expect(component(bom, 'pkg:maven/com.acme/api@2.0')).toMatchObject({ group: 'com.acme', name: 'api', version: '2.0' });
    expect(depsOf(bom, 'root:web/package-lock.json')).toEqual(['pkg:npm/a@1']);
    expect(depsOf(bom, 'pkg:maven/com.acme/api@2.0')).toEqual(['pkg:maven/org.x/y@1']);
    expect(await validateCycloneDx(json)).toEqual([]);
  });

  it('without any root, the project root depends on the packages nothing else depends on', () => {
    const inv = inventory([], [
      pkg({ purl: 'pkg:npm/a@1', name: 'a', version: '1', dependsOn: ['pkg:npm/b@1'] }),
      pkg({ purl: 'pkg:npm/b@1', name: 'b', version: '1' }),
      pkg({ purl: 'pkg:npm/c@1', name: 'c', version: '1' }),
    ]);
    const bom = parse(buildCycloneDx(inv, OPTIONS));
    expect(bom.metadata.component['bom-ref']).toBe('project:demo');
    expect(depsOf(bom, 'project:demo')).toEqual(['pkg:npm/a@1', 'pkg:npm/c@1']);
  });

  it('keeps a package that is also a root once, as the root', () => {
    const inv = inventory(
      [
        root({ ref: 'pkg:npm/lib@1.0.0', name: 'lib', version: '1.0.0', purl: 'pkg:npm/lib@1.0.0', manifest: 'lib/package-lock.json' }),
        root({ ref: 'pkg:npm/app@1.0.0', name: 'app', version: '1.0.0', purl: 'pkg:npm/app@1.0.0', dependsOn: ['pkg:npm/lib@1.0.0'] }),
      ],
      [pkg({ purl: 'pkg:npm/lib@1.0.0', name: 'lib', version: '1.0.0', direct: true })],
    );
    const bom = parse(buildCycloneDx(inv, OPTIONS));
    expect(bom.components.filter((c) => c['bom-ref'] === 'pkg:npm/lib@1.0.0')).toHaveLength(1);
    expect(depsOf(bom, 'pkg:npm/app@1.0.0')).toEqual(['pkg:npm/lib@1.0.0']);
  });
});
