import type { Finding, FindingKind, Severity } from '../../model/finding.js';
import type { ScanRun } from '../../model/run.js';
import { newFingerprints } from '../order.js';
import { formatCount, KIND_LABEL, KIND_ORDER, SEVERITY_BADGE, SEVERITY_ORDER } from './labels.js';

type BySeverity = Partial<Record<Severity, number>>;

export interface Bucket {
  total: number;
  bySeverity: BySeverity;
}

export interface KindCounts {
  new: Bucket;
  fixed: Bucket;
  existing: Bucket;
  suppressed: Bucket;
}

const empty = (): KindCounts => ({ new: bucket(), fixed: bucket(), existing: bucket(), suppressed: bucket() });

function bucket(): Bucket {
  return { total: 0, bySeverity: {} };
}

function add(b: Bucket, s: Severity): void {
  b.total += 1;
  b.bySeverity[s] = (b.bySeverity[s] ?? 0) + 1;
}

/**
 * New, fixed, existing and suppressed counts per finding kind. Suppressed findings count only as
 * suppressed, even when the baseline knows them, so the columns add up to what the run holds.
 * Without a baseline every open finding is new: that is what a new-only gate acts on then.
 */
export function countByKind(run: ScanRun): Map<FindingKind, KindCounts> {
  const newSet = newFingerprints(run.baseline);
  const out = new Map<FindingKind, KindCounts>();
  const of = (f: Finding): KindCounts => {
    let c = out.get(f.kind);
    if (c === undefined) {
      c = empty();
      out.set(f.kind, c);
    }
    return c;
  };
  for (const f of run.findings) {
    const c = of(f);
    if (f.suppression !== undefined) add(c.suppressed, f.severity);
    else if (newSet === undefined || newSet.has(f.fingerprint)) add(c.new, f.severity);
    else add(c.existing, f.severity);
  }
  for (const f of run.baseline?.fixed ?? []) add(of(f).fixed, f.severity);
  return out;
}

/** `3 (🟥 1 · 🟧 2)`; a plain `0` when empty. */
export function badges(b: Bucket): string {
  if (b.total === 0) return '0';
  const parts = SEVERITY_ORDER.filter((s) => (b.bySeverity[s] ?? 0) > 0).map((s) => `${SEVERITY_BADGE[s]} ${formatCount(b.bySeverity[s] ?? 0)}`);
  return `${formatCount(b.total)} (${parts.join(' · ')})`;
}

function sum(a: KindCounts, b: KindCounts): KindCounts {
  const merge = (x: Bucket, y: Bucket): Bucket => {
    const bySeverity: BySeverity = { ...x.bySeverity };
    for (const s of SEVERITY_ORDER) if (y.bySeverity[s] !== undefined) bySeverity[s] = (bySeverity[s] ?? 0) + (y.bySeverity[s] ?? 0);
    return { total: x.total + y.total, bySeverity };
  };
  return { new: merge(a.new, b.new), fixed: merge(a.fixed, b.fixed), existing: merge(a.existing, b.existing), suppressed: merge(a.suppressed, b.suppressed) };
}

/** One row per kind present now or in the baseline, and a total row; at most nine lines whatever the run. */
export function scannerTable(counts: ReadonlyMap<FindingKind, KindCounts>, withBaseline: boolean): string[] {
  const cell = (b: Bucket): string => badges(b);
  // Without a baseline nothing can be fixed or known, and a 0 there would claim something we cannot know.
  const compared = (b: Bucket): string => (withBaseline ? cell(b) : '—');
  const row = (label: string, c: KindCounts): string => `| ${label} | ${cell(c.new)} | ${compared(c.fixed)} | ${compared(c.existing)} | ${cell(c.suppressed)} |`;
  const lines = ['| Scanner | New | Fixed | Existing | Suppressed |', '|---|---|---|---|---|'];
  let total = empty();
  for (const kind of KIND_ORDER) {
    const c = counts.get(kind);
    if (c === undefined) continue;
    lines.push(row(KIND_LABEL[kind], c));
    total = sum(total, c);
  }
  lines.push(row('**Total**', total));
  return lines;
}
