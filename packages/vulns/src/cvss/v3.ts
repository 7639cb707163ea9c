import { type MetricTable, parseMetrics } from './vector.js';

/**
 * CVSS v3.0 and v3.1 base score, with the equations of the v3.1 specification, section 7.1
 * (https://www.first.org/cvss/v3.1/specification-document), and its `Roundup` (Appendix A), which avoids the
 * floating-point artefacts of the naive ceiling (v3.0's base equations are the same). Temporal and environmental
 * metrics are validated but do not change the base score.
 */
const X = 'X';
const CIA = ['H', 'L', 'N'];
const METRICS: MetricTable = {
  AV: ['N', 'A', 'L', 'P'],
  AC: ['L', 'H'],
  PR: ['N', 'L', 'H'],
  UI: ['N', 'R'],
  S: ['U', 'C'],
  C: CIA,
  I: CIA,
  A: CIA,
  E: [X, 'H', 'F', 'P', 'U'],
  RL: [X, 'U', 'W', 'T', 'O'],
  RC: [X, 'C', 'R', 'U'],
  CR: [X, 'H', 'M', 'L'],
  IR: [X, 'H', 'M', 'L'],
  AR: [X, 'H', 'M', 'L'],
  MAV: [X, 'N', 'A', 'L', 'P'],
  MAC: [X, 'L', 'H'],
  MPR: [X, 'N', 'L', 'H'],
  MUI: [X, 'N', 'R'],
  MS: [X, 'U', 'C'],
  MC: [X, ...CIA],
  MI: [X, ...CIA],
  MA: [X, ...CIA],
};
const BASE = ['AV', 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A'];

const AV: Readonly<Record<string, number>> = { N: 0.85, A: 0.62, L: 0.55, P: 0.2 };
const AC: Readonly<Record<string, number>> = { L: 0.77, H: 0.44 };
const PR_UNCHANGED: Readonly<Record<string, number>> = { N: 0.85, L: 0.62, H: 0.27 };
const PR_CHANGED: Readonly<Record<string, number>> = { N: 0.85, L: 0.68, H: 0.5 };
const UI: Readonly<Record<string, number>> = { N: 0.85, R: 0.62 };
const IMPACT: Readonly<Record<string, number>> = { H: 0.56, L: 0.22, N: 0 };

/** Roundup of the v3.1 specification, Appendix A: the smallest one-decimal number not below the input. */
export function roundup(value: number): number {
  const scaled = Math.round(value * 100000);
  return scaled % 10000 === 0 ? scaled / 100000 : (Math.floor(scaled / 10000) + 1) / 10;
}

export function cvss3BaseScore(vector: string): { version: '3.0' | '3.1'; score: number } | undefined {
  const m = /^CVSS:3\.([01])\/(.*)$/.exec(vector);
  if (!m) return undefined;
  const metrics = parseMetrics((m[2] ?? '').split('/'), METRICS, BASE);
  if (!metrics) return undefined;
  const get = (table: Readonly<Record<string, number>>, key: string): number => table[metrics.get(key) ?? ''] ?? 0;
  const changed = metrics.get('S') === 'C';
  const iss = 1 - (1 - get(IMPACT, 'C')) * (1 - get(IMPACT, 'I')) * (1 - get(IMPACT, 'A'));
  const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * (iss - 0.02) ** 15 : 6.42 * iss;
  const exploitability = 8.22 * get(AV, 'AV') * get(AC, 'AC') * get(changed ? PR_CHANGED : PR_UNCHANGED, 'PR') * get(UI, 'UI');
  const version = m[1] === '0' ? '3.0' : '3.1';
  if (impact <= 0) return { version, score: 0 };
  const score = roundup(Math.min((changed ? 1.08 : 1) * (impact + exploitability), 10));
  return { version, score };
}
