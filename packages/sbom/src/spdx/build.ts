import { UserError } from '@rampart/core';
import type { HashAlgorithm, Inventory, Package } from '@rampart/inventory';
import { sha256Hex } from '../digest.js';
import { isValidExpression, joinLicenses, licenseIdsOf } from '../licenses.js';
import { documentTime, projectNameOf, type SbomOptions } from '../options.js';
import { byCodeUnit } from '../order.js';
import { subjectOf, type Subject, type SubjectRoot } from '../subject.js';
import { isLicenseRef, packageSpdxId } from './ids.js';
import type { SpdxChecksum, SpdxDocument, SpdxExtractedLicense, SpdxPackage, SpdxRelationship } from './types.js';

const DEFAULT_NAMESPACE_BASE = 'https://rampart.dev/spdx';

const CHECKSUM_ALGORITHMS: Record<HashAlgorithm, SpdxChecksum['algorithm']> = {
  md5: 'MD5',
  sha1: 'SHA1',
  sha256: 'SHA256',
  sha384: 'SHA384',
  sha512: 'SHA512',
};

/** Only SPDX expressions: text that is not one (the inventory should hold none) would make the document invalid. */
function declared(licenses: readonly string[]): string {
  return joinLicenses(licenses.filter(isValidExpression)) ?? 'NOASSERTION';
}

function rootPackage(root: SubjectRoot, id: string): SpdxPackage {
  return {
    SPDXID: id,
    name: root.name,
    ...(root.version !== undefined ? { versionInfo: root.version } : {}),
    downloadLocation: 'NOASSERTION',
    filesAnalyzed: false,
    licenseConcluded: 'NOASSERTION',
    licenseDeclared: declared(root.licenses),
    copyrightText: 'NOASSERTION',
    ...(root.purl !== undefined
      ? { externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: root.purl }] }
      : {}),
    primaryPackagePurpose: 'APPLICATION',
  };
}

function libraryPackage(p: Package, id: string): SpdxPackage {
  const checksums = p.hashes
    .map((h) => ({ algorithm: CHECKSUM_ALGORITHMS[h.alg], checksumValue: h.value.toLowerCase() }))
    .sort((a, b) => byCodeUnit(a.algorithm, b.algorithm));
  return {
    SPDXID: id,
    name: p.name,
    ...(p.version !== '' ? { versionInfo: p.version } : {}),
    downloadLocation: 'NOASSERTION',
    filesAnalyzed: false,
    licenseConcluded: 'NOASSERTION',
    licenseDeclared: declared(p.licenses),
    copyrightText: 'NOASSERTION',
    ...(checksums.length > 0 ? { checksums } : {}),
    externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: p.purl }],
    primaryPackagePurpose: 'LIBRARY',
  };
}

/**
 * The roots the document describes: the real ones, or the synthetic project root when there is none (a document
 * has to describe something, and a lone list of packages would leave the graph without a top).
 */
function describedRoots(subject: Subject): SubjectRoot[] {
  return subject.roots.length > 0 ? subject.roots : [subject.top];
}

function relationshipsOf(subject: Subject, roots: SubjectRoot[], ids: Map<string, string>): SpdxRelationship[] {
  const out: SpdxRelationship[] = [];
  const add = (a: string | undefined, type: SpdxRelationship['relationshipType'], b: string | undefined): void => {
    if (a !== undefined && b !== undefined) out.push({ spdxElementId: a, relationshipType: type, relatedSpdxElement: b });
  };
  const dev = new Set(subject.packages.filter((p) => p.dev).map((p) => p.purl));
  for (const root of roots) {
    add('SPDXRef-DOCUMENT', 'DESCRIBES', ids.get(root.ref));
    for (const d of root.dependsOn) {
      // SPDX states "A is a development dependency of B" from the dependency's side.
      if (dev.has(d)) add(ids.get(d), 'DEV_DEPENDENCY_OF', ids.get(root.ref));
      else add(ids.get(root.ref), 'DEPENDS_ON', ids.get(d));
    }
  }
  for (const p of subject.packages) {
    for (const d of p.dependsOn) add(ids.get(p.purl), 'DEPENDS_ON', ids.get(d));
  }
  return out.sort(
    (a, b) =>
      byCodeUnit(a.spdxElementId, b.spdxElementId) ||
      byCodeUnit(a.relationshipType, b.relationshipType) ||
      byCodeUnit(a.relatedSpdxElement, b.relatedSpdxElement),
  );
}

/** The spec wants every LicenseRef used in the document defined in it; we know the id, not the text. */
function extractedLicenses(packages: readonly SpdxPackage[]): SpdxExtractedLicense[] {
  const refs = new Set(packages.flatMap((p) => licenseIdsOf(p.licenseDeclared).filter(isLicenseRef)));
  return [...refs].sort(byCodeUnit).map((licenseId) => ({
    licenseId,
    extractedText: `${licenseId}: the package declares this license by reference; its text was not available.`,
  }));
}

/** ISO 8601 in UTC without fractions, the form the spec's examples and most readers use. */
function created(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The spec wants an absolute URI without a fragment, so a base that is not one is refused, naming the option. */
function namespaceBaseOf(options: SbomOptions): string {
  const base = (options.namespaceBase ?? DEFAULT_NAMESPACE_BASE).replace(/\/+$/, '');
  let url: URL | undefined;
  try {
    url = new URL(base);
  } catch {
    url = undefined;
  }
  if (url === undefined || base.includes('#')) {
    throw new UserError(`"${base}" cannot start an SPDX document namespace`, {
      field: 'namespaceBase', expected: 'an absolute URI without #, such as https://example.com/spdx',
    });
  }
  return base;
}

/**
 * An SPDX 2.3 JSON document of the inventory. Deterministic: the namespace ends in a hash of the document's own
 * content (creation time included), so the same inventory and timestamp give the same bytes.
 */
export function buildSpdx(inventory: Inventory, options: SbomOptions): string {
  const base = namespaceBaseOf(options);
  const subject = subjectOf(inventory, projectNameOf(options));
  const roots = describedRoots(subject);
  const ids = new Map<string, string>();
  for (const r of roots) ids.set(r.ref, packageSpdxId(r.ref, `${r.ecosystem ?? 'project'}-${r.name}-${r.version ?? ''}`));
  for (const p of subject.packages) ids.set(p.purl, packageSpdxId(p.purl, `${p.ecosystem}-${p.name}-${p.version}`));
  const packages = [
    ...roots.map((r) => rootPackage(r, ids.get(r.ref) as string)),
    ...subject.packages.map((p) => libraryPackage(p, ids.get(p.purl) as string)),
  ].sort((a, b) => byCodeUnit(a.SPDXID, b.SPDXID));
  const extracted = extractedLicenses(packages);
  const name = subject.top.name;
  const body = {
    creationInfo: { created: created(documentTime(options)), creators: [`Tool: ${options.toolName}-${options.toolVersion}`] },
    packages,
    relationships: relationshipsOf(subject, roots, ids),
    ...(extracted.length > 0 ? { hasExtractedLicensingInfos: extracted } : {}),
  };
  const doc: SpdxDocument = {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name,
    documentNamespace: `${base}/${encodeURIComponent(name)}-${sha256Hex(JSON.stringify({ name, ...body }))}`,
    ...body,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
