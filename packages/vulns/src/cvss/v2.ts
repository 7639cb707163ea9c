import { type MetricTable, parseMetrics } from './vector.js';

/**
 * CVSS v2 base score with the base equation of the v2 guide, section 3.2.1
 * (https://www.first.org/cvss/v2/guide). A v2 vector has no prefix (`AV:N/AC:L/Au:N/C:P/I:P/A:P`); temporal and
 * environmental metrics are validated but do not change the base score.
 */
const ND = 'ND';
const METRICS: MetricTable = {
  AV: ['L', 'A', 'N'],
  AC: ['H', 'M', 'L'],
  Au: ['M', 'S', 'N'],
  C: ['N', 'P', 'C'],
  I: ['N', 'P', 'C'],
  A: ['N', 'P', 'C'],
  E: ['U', 'POC', 'F', 'H', ND],
  RL: ['OF', 'TF', 'W', 'U', ND],
  RC: ['UC', 'UR', 'C', ND],
  CDP: ['N', 'L', 'LM', 'MH', 'H', ND],
  TD: ['N', 'L', 'M', 'H', ND],
  CR: ['L', 'M', 'H', ND],
  IR: ['L', 'M', 'H', ND],
  AR: ['L', 'M', 'H', ND],
};
const BASE = ['AV', 'AC', 'Au', 'C', 'I', 'A'];

const AV: Readonly<Record<string, number>> = { L: 0.395, A: 0.646, N: 1.0 };
const AC: Readonly<Record<string, number>> = { H: 0.35, M: 0.61, L: 0.71 };
const AU: Readonly<Record<string, number>> = { M: 0.45, S: 0.56, N: 0.704 };
const IMPACT: Readonly<Record<string, number>> = { N: 0, P: 0.275, C: 0.66 };

/** round_to_1_decimal of the guide, half up, after removing binary noise below 1e-6. */
function round1(value: number): number {
  return Math.round(Math.round(value * 1e6) / 1e5) / 10;
}

export function cvss2BaseScore(vector: string): { version: '2.0'; score: number } | undefined {
  const metrics = parseMetrics(vector.split('/'), METRICS, BASE);
  if (!metrics) return undefined;
  const get = (table: Readonly<Record<string, number>>, key: string): number => table[metrics.get(key) ?? ''] ?? 0;
  const impact = 10.41 * (1 - (1 - get(IMPACT, 'C')) * (1 - get(IMPACT, 'I')) * (1 - get(IMPACT, 'A')));
  const exploitability = 20 * get(AV, 'AV') * get(AC, 'AC') * get(AU, 'Au');
  const f = impact === 0 ? 0 : 1.176;
  return { version: '2.0', score: round1((0.6 * impact + 0.4 * exploitability - 1.5) * f) };
}
