import { sha256Hex } from '../digest.js';

/** The spec's idstring: letters, digits, `.` and `-` (SPDX 2.3, clause 7.2). */
export const SPDX_ID_PATTERN = /^SPDXRef-[A-Za-z0-9.-]+$/;

function sanitise(text: string): string {
  return text
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * `SPDXRef-Package-<ecosystem>-<name>-<version>-<hash>`: readable, valid, and unique because the last part is a hash
 * of the ref (the purl), which a sanitised name alone is not (`@a/b-c` and `a-b/c` sanitise alike). The hash keeps a
 * package's id the same whatever else the document holds, so ids can be compared across documents.
 */
export function packageSpdxId(ref: string, readable: string): string {
  const middle = sanitise(readable).slice(0, 80);
  return `SPDXRef-Package-${middle === '' ? '' : `${middle}-`}${sha256Hex(ref).slice(0, 12)}`;
}

/** A LicenseRef id for a license that is not on the SPDX list, as the spec requires for `hasExtractedLicensingInfos`. */
export function isLicenseRef(id: string): boolean {
  return /^LicenseRef-/.test(id);
}
