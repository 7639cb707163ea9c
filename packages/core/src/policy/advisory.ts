import type { Finding, Identifier } from '../model/finding.js';

/** Identifier types that name an advisory; two findings sharing one of these describe one vulnerability. */
const ADVISORY_TYPES = new Set(['cve', 'ghsa', 'osv']);

const CVE_ID = /^CVE-\d{4}-\d{4,}$/i;
const OSV_ID = /^[A-Z][A-Z0-9]*-[A-Za-z0-9._-]+$/;
const GHSA_ID = /^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/i;

export function isCveId(id: string): boolean {
  return CVE_ID.test(id);
}

export function isGhsaId(id: string): boolean {
  return GHSA_ID.test(id);
}

/** Every advisory id a finding is known by, lower-cased: its rule id and its cve/ghsa/osv identifiers. */
export function advisoryIds(finding: Finding): string[] {
  const ids = [finding.ruleId.toLowerCase()];
  for (const identifier of finding.identifiers) {
    if (ADVISORY_TYPES.has(identifier.type.toLowerCase())) ids.push(identifier.value.toLowerCase());
  }
  return ids;
}

/** The identifier a merged-away rule id becomes, so the merged finding still names every advisory. */
export function identifierForRuleId(ruleId: string): Identifier {
  if (isCveId(ruleId)) return { type: 'cve', value: ruleId };
  if (isGhsaId(ruleId)) return { type: 'ghsa', value: ruleId };
  // OSV ids are `<DATABASE>-<id>` (PYSEC-2021-1, GO-2022-0001, RUSTSEC-2020-0071); anything else stays generic.
  if (OSV_ID.test(ruleId)) return { type: 'osv', value: ruleId };
  return { type: 'advisory', value: ruleId };
}
