import { writeFileSync } from 'node:fs';
import { UserError } from '@rampart/core';
import type { Inventory } from '@rampart/inventory';
import { describe, expect, it } from 'vitest';
import { fixturePath, inventory, OPTIONS, pkg, readFixture, root, shuffled } from '../testing/inventory.js';
import { buildCycloneDx } from '../cyclonedx/build.js';
import { buildSpdx } from './build.js';
import { SPDX_ID_PATTERN } from './ids.js';
import type { SpdxDocument, SpdxPackage } from './types.js';
import { validateSpdx } from './validate.js';

const small = (): Inventory => JSON.parse(readFixture('small/inventory.json')) as Inventory;
const parse = (json: string) => JSON.parse(json) as SpdxDocument;
const byPurl = (doc: SpdxDocument, purl: string): SpdxPackage | undefined =>
  doc.packages.find((p) => p.externalRefs?.some((r) => r.referenceLocator === purl));
const idOf = (doc: SpdxDocument, purl: string): string => byPurl(doc, purl)?.SPDXID ?? `missing ${purl}`;
const rels = (doc: SpdxDocument) => doc.relationships.map((r) => `${r.spdxElementId} ${r.relationshipType} ${r.relatedSpdxElement}`);

describe('buildSpdx', () => {
  it('writes SPDX 2.3 that validates against the official schema', () => {
    const json = buildSpdx(small(), OPTIONS);
    expect(validateSpdx(json)).toEqual([]);
  });

  it('matches the golden file (checked by hand; UPDATE_GOLDEN=1 rewrites it)', () => {
    const json = buildSpdx(small(), OPTIONS);
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(fixturePath('small/expected.spdx.json'), json);
    expect(json).toBe(readFixture('small/expected.spdx.json'));
  });

  it('gives the same bytes for the same inventory, in any order', () => {
    const a = buildSpdx(small(), OPTIONS);
    expect(buildSpdx(small(), OPTIONS)).toBe(a);
    expect(buildSpdx(shuffled(small()), OPTIONS)).toBe(a);
  });

  it('writes the document header: namespace from the content, creation time without fractions, the tool', () => {
    const doc = parse(buildSpdx(small(), { ...OPTIONS, namespaceBase: 'https://example.test/spdx/' }));
    expect(doc).toMatchObject({ spdxVersion: 'SPDX-2.3', dataLicense: 'CC0-1.0', SPDXID: 'SPDXRef-DOCUMENT', name: '@acme/demo-app' });
    expect(doc.creationInfo).toEqual({ created: '2024-05-01T12:00:00Z', creators: ['Tool: rampart-0.1.0'] });
    expect(doc.documentNamespace).toMatch(/^https:\/\/example\.test\/spdx\/%40acme%2Fdemo-app-[0-9a-f]{64}$/);
    const later = parse(buildSpdx(small(), { ...OPTIONS, timestamp: new Date('2024-06-01T00:00:00Z') }));
    expect(later.documentNamespace).not.toBe(doc.documentNamespace);
  });

  it('writes packages with valid unique ids, purls, checksums and declared licenses', () => {
    const doc = parse(buildSpdx(small(), OPTIONS));
    const ids = doc.packages.map((p) => p.SPDXID);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(SPDX_ID_PATTERN);
    expect(byPurl(doc, 'pkg:npm/lodash@4.17.21')).toMatchObject({
      name: 'lodash', versionInfo: '4.17.21', downloadLocation: 'NOASSERTION', filesAnalyzed: false,
      licenseConcluded: 'NOASSERTION', licenseDeclared: 'MIT',
    });
    expect(byPurl(doc, 'pkg:npm/lodash@4.17.21')?.checksums?.map((c) => c.algorithm)).toEqual(['SHA1', 'SHA512']);
    expect(byPurl(doc, 'pkg:npm/dual@1.0.0')?.checksums?.map((c) => c.algorithm)).toEqual(['MD5', 'SHA384']);
    expect(byPurl(doc, 'pkg:npm/dual@1.0.0')?.licenseDeclared).toBe('MIT OR Apache-2.0');
    expect(byPurl(doc, 'pkg:npm/fsevents@2.3.3')?.licenseDeclared).toBe('NOASSERTION');
    expect(byPurl(doc, 'pkg:npm/%40babel/code-frame@7.24.7')?.name).toBe('@babel/code-frame');
  });

  it('keeps ids unique where sanitised names collide', () => {
    const inv = inventory([], [
      pkg({ purl: 'pkg:npm/%40a/b-c@1', name: '@a/b-c', version: '1' }),
      pkg({ purl: 'pkg:npm/a-b-c@1', name: 'a-b/c', version: '1' }),
    ]);
    const json = buildSpdx(inv, OPTIONS);
    const doc = parse(json);
    expect(new Set(doc.packages.map((p) => p.SPDXID)).size).toBe(3);
    expect(validateSpdx(json)).toEqual([]);
  });

  it('relates the document, the root, runtime and dev dependencies and package edges', () => {
    const doc = parse(buildSpdx(small(), OPTIONS));
    const app = idOf(doc, 'pkg:npm/%40acme/demo-app@1.0.0');
    const r = rels(doc);
    expect(r).toContain(`SPDXRef-DOCUMENT DESCRIBES ${app}`);
    expect(r).toContain(`${app} DEPENDS_ON ${idOf(doc, 'pkg:npm/lodash@4.17.21')}`);
    expect(r).toContain(`${app} DEPENDS_ON ${idOf(doc, 'pkg:npm/fsevents@2.3.3')}`);
    expect(r).toContain(`${idOf(doc, 'pkg:npm/%40babel/code-frame@7.24.7')} DEV_DEPENDENCY_OF ${app}`);
    expect(r).not.toContain(`${app} DEPENDS_ON ${idOf(doc, 'pkg:npm/%40babel/code-frame@7.24.7')}`);
    expect(r).toContain(`${idOf(doc, 'pkg:npm/%40babel/code-frame@7.24.7')} DEPENDS_ON ${idOf(doc, 'pkg:npm/picocolors@1.0.1')}`);
    expect(r).toContain(`${idOf(doc, 'pkg:npm/dual@1.0.0')} DEPENDS_ON ${idOf(doc, 'pkg:npm/lodash@4.17.21')}`);
    expect(r).toHaveLength(7);
    expect(r).toEqual([...r].sort());
  });

  it('describes every root when there are several, and a project root when there is none', () => {
    const multi = inventory(
      [
        root({ ref: 'root:web/package-lock.json', name: 'web', manifest: 'web/package-lock.json', dependsOn: ['pkg:npm/a@1'] }),
        root({ ref: 'root:api/go.mod', name: 'api', ecosystem: 'golang', manifest: 'api/go.mod' }),
      ],
      [pkg({ purl: 'pkg:npm/a@1', name: 'a', version: '1' })],
    );
    const json = buildSpdx(multi, OPTIONS);
    const doc = parse(json);
    expect(doc.name).toBe('demo');
    expect(rels(doc).filter((r) => r.includes('DESCRIBES'))).toHaveLength(2);
    expect(doc.packages.filter((p) => p.primaryPackagePurpose === 'APPLICATION').map((p) => p.name).sort()).toEqual(['api', 'web']);
    expect(validateSpdx(json)).toEqual([]);

    const none = parse(buildSpdx(inventory([], [pkg({ purl: 'pkg:npm/a@1', name: 'a', version: '1', dev: true })]), OPTIONS));
    const project = none.packages.find((p) => p.name === 'demo');
    expect(rels(none)).toEqual([`SPDXRef-DOCUMENT DESCRIBES ${project?.SPDXID}`, `${idOf(none, 'pkg:npm/a@1')} DEV_DEPENDENCY_OF ${project?.SPDXID}`].sort());
  });

  it('declares NOASSERTION rather than text that is not an SPDX expression', () => {
    const json = buildSpdx(inventory([], [pkg({ purl: 'pkg:npm/a@1', name: 'a', version: '1', licenses: ['Acme Community License'] })]), OPTIONS);
    expect(byPurl(parse(json), 'pkg:npm/a@1')?.licenseDeclared).toBe('NOASSERTION');
  });

  it('refuses a namespace base or a timestamp that cannot make a valid document, naming the option', () => {
    const thrown = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e;
      }
      return undefined;
    };
    expect(thrown(() => buildSpdx(small(), { ...OPTIONS, namespaceBase: 'not a uri' }))).toMatchObject({ name: 'UserError', field: 'namespaceBase' });
    expect(thrown(() => buildSpdx(small(), { ...OPTIONS, namespaceBase: 'https://x.test/a#b' }))).toBeInstanceOf(UserError);
    expect(thrown(() => buildSpdx(small(), { ...OPTIONS, timestamp: new Date(Number.NaN) }))).toMatchObject({ name: 'UserError', field: 'SOURCE_DATE_EPOCH' });
    expect(thrown(() => buildCycloneDx(small(), { ...OPTIONS, timestamp: new Date(Number.NaN) }))).toBeInstanceOf(UserError);
  });

  it('names a rootless document after the project, or "project" when the name is blank', () => {
    const inv = inventory([], [pkg({ purl: 'pkg:npm/a@1', name: 'a', version: '1' })]);
    expect(parse(buildSpdx(inv, { ...OPTIONS, projectName: ' ' })).name).toBe('project');
    expect(validateSpdx(buildSpdx(inv, { ...OPTIONS, projectName: '' }))).toEqual([]);
  });

  it('defines every LicenseRef it uses', () => {
    const json = buildSpdx(inventory([], [pkg({ purl: 'pkg:npm/a@1', name: 'a', version: '1', licenses: ['LicenseRef-acme OR MIT'] })]), OPTIONS);
    expect(parse(json).hasExtractedLicensingInfos?.map((l) => l.licenseId)).toEqual(['LicenseRef-acme']);
    expect(validateSpdx(json)).toEqual([]);
  });
});
