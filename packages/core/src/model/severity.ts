import type { Severity } from './finding.js';

/**
 * Highest first. `unknown` ranks just above `info`: an unrated advisory fails an `info` gate but not a
 * `low` one, which is how Trivy and Grype treat it with `--severity`.
 */
const RANK: Record<Severity, number> = { critical: 5, high: 4, medium: 3, low: 2, unknown: 1, info: 0 };

export function severityRank(s: Severity): number {
  return RANK[s];
}

/** Sort comparator, most severe first. */
export function bySeverityDesc(a: { severity: Severity }, b: { severity: Severity }): number {
  return RANK[b.severity] - RANK[a.severity];
}

export function atLeast(s: Severity, threshold: Severity): boolean {
  return RANK[s] >= RANK[threshold];
}

export function maxSeverity(a: Severity, b: Severity): Severity {
  // A rated severity beats `unknown` even when it is lower: the other tool simply knew more.
  if (a === 'unknown') return b;
  if (b === 'unknown') return a;
  return RANK[a] >= RANK[b] ? a : b;
}

/**
 * CVSS v3.x and v4.0 share the qualitative bands of the FIRST specifications:
 * 0.0 none, 0.1-3.9 low, 4.0-6.9 medium, 7.0-8.9 high, 9.0-10.0 critical.
 */
export function fromCvssScore(score: number): Severity {
  if (!Number.isFinite(score) || score < 0 || score > 10) return 'unknown';
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'info';
}

/**
 * GitHub code scanning reads `security-severity` with the same bands as CVSS
 * ("over 9.0 is critical, 7.0 to 8.9 is high, 4.0 to 6.9 is medium, 3.9 or less is low").
 */
export function fromSecuritySeverity(value: string | number): Severity {
  const n = typeof value === 'number' ? value : Number.parseFloat(value);
  if (Number.isNaN(n)) return 'unknown';
  const s = fromCvssScore(n);
  return s === 'info' ? 'low' : s;
}

/** The value we write to SARIF `properties.security-severity`; the midpoint of each band. */
export function toSecuritySeverity(s: Severity): string | undefined {
  const table: Partial<Record<Severity, string>> = { critical: '9.5', high: '8.0', medium: '5.5', low: '2.0' };
  return table[s];
}

export type SarifLevel = 'error' | 'warning' | 'note' | 'none';

export function fromSarifLevel(level: string | undefined): Severity {
  switch (level) {
    case 'error':
      return 'high';
    case 'note':
      return 'low';
    case 'none':
      return 'info';
    // SARIF §3.27.10: an absent level means "warning".
    case 'warning':
    case undefined:
      return 'medium';
    default:
      return 'unknown';
  }
}

export function toSarifLevel(s: Severity): SarifLevel {
  if (s === 'critical' || s === 'high') return 'error';
  if (s === 'medium') return 'warning';
  return 'note';
}

/** ZAP alert risk codes: 0 Informational, 1 Low, 2 Medium, 3 High. */
export function fromZapRisk(riskcode: number | string): Severity {
  const table: Record<string, Severity> = { '0': 'info', '1': 'low', '2': 'medium', '3': 'high' };
  return own(table, String(riskcode).trim()) ?? 'unknown';
}

/**
 * ZAP confidence codes: 0 False Positive, 1 Low, 2 Medium, 3 High, 4 User Confirmed.
 * Returns `false-positive` so readers can drop those alerts rather than report them.
 */
export function fromZapConfidence(code: number | string): 'high' | 'medium' | 'low' | 'false-positive' | undefined {
  const table: Record<string, 'high' | 'medium' | 'low' | 'false-positive'> = {
    '0': 'false-positive',
    '1': 'low',
    '2': 'medium',
    '3': 'high',
    '4': 'high',
  };
  return own(table, String(code).trim());
}

/** Own keys only: `constructor` or `__proto__` from a report must not find Object.prototype members. */
function own<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

function lookup(table: Record<string, Severity>, value: string | undefined): Severity {
  if (value === undefined) return 'unknown';
  return own(table, value.trim().toLowerCase()) ?? 'unknown';
}

const NAMED: Record<string, Severity> = {
  critical: 'critical',
  high: 'high',
  medium: 'medium',
  moderate: 'medium',
  low: 'low',
  info: 'info',
  informational: 'info',
  negligible: 'info',
  unknown: 'unknown',
};

/** Trivy: CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN. */
export const fromTrivy = (v: string | undefined): Severity => lookup(NAMED, v);
/** Grype: Critical, High, Medium, Low, Negligible (shown as info), Unknown. */
export const fromGrype = (v: string | undefined): Severity => lookup(NAMED, v);
/** GitLab security reports: Critical, High, Medium, Low, Info, Unknown. */
export const fromGitlab = (v: string | undefined): Severity => lookup(NAMED, v);
/** npm audit: critical, high, moderate, low, info. */
export const fromNpmAudit = (v: string | undefined): Severity => lookup(NAMED, v);
/** Bandit issue_severity: HIGH, MEDIUM, LOW, UNDEFINED. */
export const fromBandit = (v: string | undefined): Severity => lookup(NAMED, v);

/**
 * Semgrep's classic levels ERROR/WARNING/INFO map as GitLab's semgrep analyzer maps them
 * (High/Medium/Low); newer Semgrep also emits CRITICAL/HIGH/MEDIUM/LOW directly.
 */
export function fromSemgrep(v: string | undefined): Severity {
  return lookup({ ...NAMED, error: 'high', warning: 'medium', info: 'low', experiment: 'info', inventory: 'info' }, v);
}

export function toGitlab(s: Severity): 'Critical' | 'High' | 'Medium' | 'Low' | 'Info' | 'Unknown' {
  const table = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low', info: 'Info', unknown: 'Unknown' } as const;
  return table[s];
}

/** GitLab Code Quality severities: info, minor, major, critical, blocker. */
export function toCodeQuality(s: Severity): 'info' | 'minor' | 'major' | 'critical' | 'blocker' {
  const table = { critical: 'blocker', high: 'critical', medium: 'major', low: 'minor', info: 'info', unknown: 'info' } as const;
  return table[s];
}

/** Bandit and ZAP style confidences to ours. */
export function fromConfidenceName(v: string | undefined): 'high' | 'medium' | 'low' | undefined {
  const c = v?.trim().toLowerCase();
  if (c === 'high' || c === 'confirmed' || c === 'user confirmed') return 'high';
  if (c === 'medium') return 'medium';
  if (c === 'low') return 'low';
  return undefined;
}
