import type { Finding } from '../model/finding.js';
import type { BaselineDiff } from '../model/run.js';

/**
 * Compares a run with a baseline by fingerprint (which survives line shifts). `new` holds the
 * unsuppressed findings the baseline does not have; `unchanged` every other current finding
 * (suppressed ones included, since a suppressed finding is never new); `fixed` the baseline findings
 * that are gone.
 */
export function diffBaseline(current: readonly Finding[], baseline: readonly Finding[]): BaselineDiff {
  const before = new Set(baseline.map((f) => f.fingerprint));
  const now = new Set(current.map((f) => f.fingerprint));
  const diff: BaselineDiff = { new: [], unchanged: [], fixed: [] };
  for (const f of current) {
    if (before.has(f.fingerprint) || f.suppression) diff.unchanged.push(f);
    else diff.new.push(f);
  }
  const fixedSeen = new Set<string>();
  for (const f of baseline) {
    if (now.has(f.fingerprint) || fixedSeen.has(f.fingerprint)) continue;
    fixedSeen.add(f.fingerprint);
    diff.fixed.push(f);
  }
  return diff;
}
