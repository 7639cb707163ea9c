import type { FindingKind, Severity } from '../../model/finding.js';

export const SEVERITY_LABEL: Record<Severity, string> = {
  critical: '🟥 Critical',
  high: '🟧 High',
  medium: '🟨 Medium',
  low: '🟦 Low',
  info: '⬜ Info',
  unknown: '⬛ Unknown',
};

export const SEVERITY_BADGE: Record<Severity, string> = {
  critical: '🟥',
  high: '🟧',
  medium: '🟨',
  low: '🟦',
  info: '⬜',
  unknown: '⬛',
};

/** Display order of severities in the report: unknown ranks above info, as in the sort order. */
export const SEVERITY_ORDER: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'unknown', 'info'];

/** A reviewer thinks in scanners, not in finding kinds; one row per kind reads as one row per scanner. */
export const KIND_LABEL: Record<FindingKind, string> = {
  sast: 'SAST',
  secret: 'Secrets',
  dependency: 'Dependencies',
  container: 'Container',
  dast: 'DAST',
  iac: 'IaC',
  license: 'Licenses',
};

export const KIND_ORDER: readonly FindingKind[] = ['sast', 'secret', 'dependency', 'container', 'dast', 'iac', 'license'];

/** `9812` -> `9,812`, written by hand so the output does not depend on the runner's locale data. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
