import { LEVELS, MACROVECTOR_SCORES, MAX_SEVERITY, MAX_VECTORS } from './v4-tables.js';
import { type MetricTable, parseMetrics } from './vector.js';

/**
 * CVSS v4.0 base score (CVSS-B) as section 8 of the specification computes it
 * (https://www.first.org/cvss/v4.0/specification-document): the vector falls into a MacroVector (EQ1..EQ6),
 * whose score comes from the table; the score is then lowered by the mean, over the EQs that have a lower
 * MacroVector, of the distance to it scaled by how far the vector is from the MacroVector's most severe vectors.
 * Threat, environmental and supplemental metrics are validated but, this being the base score, not applied:
 * E counts as A (Attacked) and CR/IR/AR as H, as for "Not Defined". Metric order is not enforced, because
 * advisories in the wild list them in other orders.
 */
const X = 'X';
const HLN = ['H', 'L', 'N'];
const METRICS: MetricTable = {
  AV: ['N', 'A', 'L', 'P'], AC: ['L', 'H'], AT: ['N', 'P'], PR: ['N', 'L', 'H'], UI: ['N', 'P', 'A'],
  VC: HLN, VI: HLN, VA: HLN, SC: HLN, SI: HLN, SA: HLN,
  E: [X, 'A', 'P', 'U'],
  CR: [X, 'H', 'M', 'L'], IR: [X, 'H', 'M', 'L'], AR: [X, 'H', 'M', 'L'],
  MAV: [X, 'N', 'A', 'L', 'P'], MAC: [X, 'L', 'H'], MAT: [X, 'N', 'P'], MPR: [X, 'N', 'L', 'H'], MUI: [X, 'N', 'P', 'A'],
  MVC: [X, ...HLN], MVI: [X, ...HLN], MVA: [X, ...HLN], MSC: [X, ...HLN], MSI: [X, 'S', ...HLN], MSA: [X, 'S', ...HLN],
  S: [X, 'N', 'P'], AU: [X, 'N', 'Y'], R: [X, 'A', 'U', 'I'], V: [X, 'D', 'C'], RE: [X, 'L', 'M', 'H'],
  U: [X, 'Clear', 'Green', 'Amber', 'Red'],
};
const BASE = ['AV', 'AC', 'AT', 'PR', 'UI', 'VC', 'VI', 'VA', 'SC', 'SI', 'SA'];

type Metrics = Readonly<Record<string, string>>;

/** The EQ levels of section 8.2, from the effective metric values. */
export function macroVector(m: Metrics): [number, number, number, number, number, number] {
  const is = (key: string, value: string): boolean => m[key] === value;
  const anyN = is('AV', 'N') || is('PR', 'N') || is('UI', 'N');
  const eq1 = is('AV', 'N') && is('PR', 'N') && is('UI', 'N') ? 0 : anyN && !is('AV', 'P') ? 1 : 2;
  const eq2 = is('AC', 'L') && is('AT', 'N') ? 0 : 1;
  const eq3 = is('VC', 'H') && is('VI', 'H') ? 0 : is('VC', 'H') || is('VI', 'H') || is('VA', 'H') ? 1 : 2;
  const eq4 = is('MSI', 'S') || is('MSA', 'S') ? 0 : is('SC', 'H') || is('SI', 'H') || is('SA', 'H') ? 1 : 2;
  const eq5 = is('E', 'A') ? 0 : is('E', 'P') ? 1 : 2;
  const eq6 = (is('CR', 'H') && is('VC', 'H')) || (is('IR', 'H') && is('VI', 'H')) || (is('AR', 'H') && is('VA', 'H')) ? 0 : 1;
  return [eq1, eq2, eq3, eq4, eq5, eq6];
}

const key = (eqs: readonly number[]): string => eqs.join('');

/** Score of the next lower MacroVector along each EQ (EQ3 and EQ6 move together), NaN where there is none. */
function lowerScores(eqs: readonly number[]): number[] {
  const [eq1 = 0, eq2 = 0, eq3 = 0, eq4 = 0, eq5 = 0, eq6 = 0] = eqs;
  const score = (e: readonly number[]): number => MACROVECTOR_SCORES[key(e)] ?? Number.NaN;
  let eq3eq6: number;
  if (eq3 === 0 && eq6 === 0) {
    // Two ways down: the higher of the two is the nearer one.
    const left = score([eq1, eq2, eq3, eq4, eq5, eq6 + 1]);
    const right = score([eq1, eq2, eq3 + 1, eq4, eq5, eq6]);
    eq3eq6 = left > right ? left : right;
  } else if (eq3 === 1 && eq6 === 0) {
    eq3eq6 = score([eq1, eq2, eq3, eq4, eq5, eq6 + 1]);
  } else {
    eq3eq6 = score([eq1, eq2, eq3 + 1, eq4, eq5, eq6 === 1 && eq3 === 2 ? eq6 + 1 : eq6]);
  }
  return [
    score([eq1 + 1, eq2, eq3, eq4, eq5, eq6]),
    score([eq1, eq2 + 1, eq3, eq4, eq5, eq6]),
    eq3eq6,
    score([eq1, eq2, eq3, eq4 + 1, eq5, eq6]),
    score([eq1, eq2, eq3, eq4, eq5 + 1, eq6]),
  ];
}

const DISTANCE_METRICS = ['AV', 'PR', 'UI', 'AC', 'AT', 'VC', 'VI', 'VA', 'SC', 'SI', 'SA', 'CR', 'IR', 'AR'];

/** Severity distance of each metric from the first most-severe vector of the MacroVector that it does not exceed. */
function severityDistances(m: Metrics, eqs: readonly number[]): Record<string, number> {
  const [eq1 = 0, eq2 = 0, eq3 = 0, eq4 = 0, eq5 = 0, eq6 = 0] = eqs;
  const groups = [MAX_VECTORS.eq1[eq1], MAX_VECTORS.eq2[eq2], MAX_VECTORS.eq3eq6[eq3]?.[eq6], MAX_VECTORS.eq4[eq4], MAX_VECTORS.eq5[eq5]];
  let candidates: Record<string, string>[] = [{}];
  for (const group of groups) candidates = candidates.flatMap((c) => (group ?? []).map((g) => ({ ...c, ...g })));
  let distances: Record<string, number> = {};
  for (const max of candidates) {
    distances = Object.fromEntries(
      DISTANCE_METRICS.map((k) => [k, (LEVELS[k]?.[m[k] ?? ''] ?? Number.NaN) - (LEVELS[k]?.[max[k] ?? ''] ?? Number.NaN)]),
    );
    if (Object.values(distances).every((d) => !(d < 0))) break;
  }
  return distances;
}

/** The score of effective metric values (base values with threat and environmental ones applied). */
export function scoreMetrics(m: Metrics): number {
  if (['VC', 'VI', 'VA', 'SC', 'SI', 'SA'].every((k) => m[k] === 'N')) return 0;
  const eqs = macroVector(m);
  const [eq1 = 0, eq2 = 0, eq3 = 0, eq4 = 0, , eq6 = 0] = eqs;
  const value = MACROVECTOR_SCORES[key(eqs)] ?? Number.NaN;
  const d = severityDistances(m, eqs);
  const at = (k: string): number => d[k] ?? 0;
  const current = [
    at('AV') + at('PR') + at('UI'),
    at('AC') + at('AT'),
    at('VC') + at('VI') + at('VA') + at('CR') + at('IR') + at('AR'),
    at('SC') + at('SI') + at('SA'),
    0,
  ];
  const step = 0.1;
  const depth = [MAX_SEVERITY.eq1[eq1], MAX_SEVERITY.eq2[eq2], MAX_SEVERITY.eq3eq6[eq3]?.[eq6], MAX_SEVERITY.eq4[eq4], 1].map(
    (n) => (n ?? Number.NaN) * step,
  );
  let sum = 0;
  let existing = 0;
  lowerScores(eqs).forEach((lower, i) => {
    const available = value - lower;
    if (Number.isNaN(available)) return;
    existing++;
    sum += available * ((current[i] ?? 0) / (depth[i] ?? Number.NaN));
  });
  const score = Math.min(10, Math.max(0, value - (existing === 0 ? 0 : sum / existing)));
  // Half up at one decimal, lifted by 1e-6 first so that a tie that the arithmetic lands one ULP below still rounds
  // up, as the reference calculator does since its rounding fix.
  return Math.round((score + 1e-6) * 10) / 10;
}

export function cvss4BaseScore(vector: string): { version: '4.0'; score: number } | undefined {
  const m = /^CVSS:4\.0\/(.*)$/.exec(vector);
  if (!m) return undefined;
  const metrics = parseMetrics((m[1] ?? '').split('/'), METRICS, BASE);
  if (!metrics) return undefined;
  const base: Record<string, string> = { E: 'A', CR: 'H', IR: 'H', AR: 'H' };
  for (const k of BASE) base[k] = metrics.get(k) ?? '';
  return { version: '4.0', score: scoreMetrics(base) };
}
