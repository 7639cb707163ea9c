import type { SecretMatch } from './types.js';

/**
 * One finding per secret: of matches whose spans overlap, the highest rank wins (a provider rule
 * over the generic detector, then rule priority), then the longer match, then the earlier one.
 * Returns the survivors in text order.
 */
export function resolveOverlaps(matches: readonly SecretMatch[]): SecretMatch[] {
  const ordered = [...matches].sort(
    (a, b) => b.rank - a.rank || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  // Accepted spans, kept sorted by start; they never overlap each other.
  const kept: SecretMatch[] = [];
  for (const m of ordered) {
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((kept[mid] as SecretMatch).start < m.start) lo = mid + 1;
      else hi = mid;
    }
    const before = kept[lo - 1];
    const after = kept[lo];
    if (before && before.end > m.start) continue;
    if (after && after.start < m.end) continue;
    kept.splice(lo, 0, m);
  }
  return kept;
}
