import { fromCvssScore, maxSeverity, type Severity } from '@rampart/core';
import type { OsvAffected, OsvRecord, OsvSeverity } from '../osv/types.js';

/** CVSS vector -> base score; `cvssBaseScore` from src/cvss. Undefined (or a throw) for a vector it cannot score. */
export type CvssScorer = (vector: string) => number | undefined;

export interface SeverityVerdict {
  severity: Severity;
  /** What the severity came from, shown in the finding's help so a person can check it. */
  basis: string;
}

const CVSS_TYPES = ['CVSS_V4', 'CVSS_V3', 'CVSS_V2'] as const;

function score(scorer: CvssScorer, vector: string): number | undefined {
  try {
    const s = scorer(vector);
    return typeof s === 'number' && Number.isFinite(s) ? s : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The newest CVSS version any record carries decides (v4 over v3 over v2: databases add the newer vector when they
 * rescore), and among those the highest score. CVSS v2 has no "critical" band (NVD: 7.0-10.0 is high).
 */
function fromCvss(entries: readonly OsvSeverity[], scorer: CvssScorer | undefined): SeverityVerdict | undefined {
  if (scorer === undefined) return undefined;
  for (const type of CVSS_TYPES) {
    const scores = entries
      .filter((e) => e.type === type)
      .map((e) => score(scorer, e.score))
      .filter((s): s is number => s !== undefined);
    if (scores.length === 0) continue;
    const best = Math.max(...scores);
    const s = fromCvssScore(best);
    return { severity: type === 'CVSS_V2' && s === 'critical' ? 'high' : s, basis: `${type} base score ${best.toFixed(1)}` };
  }
  return undefined;
}

/**
 * Words databases use: GitHub's LOW/MODERATE/HIGH/CRITICAL (`database_specific.severity`), Ubuntu priorities
 * (`severity[].type` "Ubuntu"), Debian urgencies (`ecosystem_specific.urgency`; "unimportant" is Debian's
 * "no security impact to speak of", shown as info like Grype's Negligible).
 */
const WORDS: Record<string, Severity> = {
  critical: 'critical',
  high: 'high',
  moderate: 'medium',
  medium: 'medium',
  low: 'low',
  negligible: 'info',
  unimportant: 'info',
};

function fromWord(value: unknown): Severity | undefined {
  if (typeof value !== 'string') return undefined;
  const word = value.toLowerCase().replace(/[^a-z]/g, '');
  return Object.hasOwn(WORDS, word) ? WORDS[word] : undefined;
}

function namedSeverities(records: readonly OsvRecord[], affected: readonly OsvAffected[]): { severity: Severity; basis: string }[] {
  const out: { severity: Severity; basis: string }[] = [];
  const add = (value: unknown, basis: string): void => {
    const s = fromWord(value);
    if (s !== undefined) out.push({ severity: s, basis: `${basis} ${String(value)}` });
  };
  for (const r of records) add(r.database_specific?.['severity'], `${r.id} database severity`);
  for (const a of affected) {
    add(a.database_specific?.['severity'], 'database severity');
    add(a.ecosystem_specific?.['severity'], 'ecosystem severity');
    add(a.ecosystem_specific?.['urgency'], 'Debian urgency');
    for (const s of a.severity) if (s.type === 'Ubuntu') add(s.score, 'Ubuntu priority');
  }
  for (const r of records) for (const s of r.severity) if (s.type === 'Ubuntu') add(s.score, 'Ubuntu priority');
  return out;
}

/**
 * One severity for an advisory merged from `records`, matched through the `affected` entries: a CVSS base score
 * when a scorer is given and a vector can be scored, else the highest severity word a database gives, else
 * `unknown`. Package-level `severity` (OSV lets an affected entry carry its own) counts like the record's.
 */
export function advisorySeverity(
  records: readonly OsvRecord[],
  affected: readonly OsvAffected[],
  scorer: CvssScorer | undefined,
): SeverityVerdict {
  const vectors = [...records.flatMap((r) => r.severity), ...affected.flatMap((a) => a.severity)];
  const cvss = fromCvss(vectors, scorer);
  if (cvss) return cvss;
  const named = namedSeverities(records, affected);
  if (named.length > 0) {
    return named.reduce((best, n) => (maxSeverity(best.severity, n.severity) === best.severity ? best : n));
  }
  return { severity: 'unknown', basis: 'no CVSS vector or severity rating in the advisory' };
}
