import type { Identifier } from '@rampart/core';

const CVE = /^CVE-\d{4}-\d{4,}$/i;
const GHSA = /^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/i;
/** Distro records named after the CVE they track: DEBIAN-CVE-2023-1234, ALPINE-CVE-..., UBUNTU-CVE-... */
const DISTRO_CVE = /^[A-Z]+-(CVE-\d{4}-\d{4,})$/i;

export const isCve = (id: string): boolean => CVE.test(id);
export const isGhsa = (id: string): boolean => GHSA.test(id);

/** `cve`, `ghsa` or `osv` with the page a person would open, matching the identifier types core dedupes on. */
export function identifierFor(id: string): Identifier {
  if (isCve(id)) {
    const value = id.toUpperCase();
    return { type: 'cve', value, url: `https://nvd.nist.gov/vuln/detail/${value}` };
  }
  if (isGhsa(id)) {
    const value = `GHSA-${id.slice(5).toLowerCase()}`;
    return { type: 'ghsa', value, url: `https://github.com/advisories/${value}` };
  }
  return { type: 'osv', value: id, url: `https://osv.dev/vulnerability/${encodeURIComponent(id)}` };
}

/** The CVE a distro record is named after: `DEBIAN-CVE-2023-1234` is CVE-2023-1234 as that distro sees it. */
export function cveNamedBy(id: string): string | undefined {
  return DISTRO_CVE.exec(id)?.[1]?.toUpperCase();
}

/** Case-insensitive key for comparing ids across databases (GHSA ids are lower-case in some exports). */
export const idKey = (id: string): string => id.trim().toUpperCase();

/**
 * The one id a merged advisory is reported under (its `ruleId`). A CVE comes first: it is the name NVD, Trivy and
 * Grype (for OS packages) use, so rampart's finding lines up with imported reports and with what a person searches
 * for. Without a CVE a GHSA id (GitHub's reviewed database), else the smallest of the record ids, so the choice
 * does not depend on the order a source returned the records in. When several CVEs qualify the smallest wins.
 */
export function preferredId(ids: readonly string[]): string {
  const sorted = [...new Set(ids.map((i) => i.trim()))].filter((i) => i !== '').sort();
  const pick = sorted.find(isCve) ?? sorted.find(isGhsa) ?? sorted[0];
  if (pick === undefined) throw new TypeError('preferredId: no ids');
  return isCve(pick) ? pick.toUpperCase() : isGhsa(pick) ? identifierFor(pick).value : pick;
}
