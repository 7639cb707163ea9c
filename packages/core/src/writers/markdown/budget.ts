/**
 * A section of the report that lists items and may have to cut them: fixed lines around the items,
 * and a line that says what was cut, computed from the items left out.
 */
export interface ListSection<T> {
  head: readonly string[];
  items: readonly T[];
  render: (item: T) => string;
  /** The "… and N more" line for the items not shown (never called with an empty list). */
  cut: (rest: readonly T[]) => string;
  tail?: readonly string[];
  /** At most this many items even when the budget allows more (collapsed lists stay scannable). */
  maxItems?: number;
}

/** Characters of `lines` joined by newlines, plus the newline that joins the block to what comes before. */
function size(lines: readonly string[]): number {
  return lines.reduce((n, l) => n + l.length + 1, 0);
}

/** What the whole section would take, counted only up to `limit` so 100,000 findings cost little. */
export function demand<T>(s: ListSection<T>, limit: number): number {
  if (s.items.length === 0) return 0;
  let n = size(s.head) + size(s.tail ?? []);
  const count = Math.min(s.items.length, s.maxItems ?? Infinity);
  for (let i = 0; i < count && n <= limit; i++) n += (s.render(s.items[i] as T)).length + 1;
  if (count < s.items.length) n += s.cut(s.items.slice(count)).length + 1;
  return Math.min(n, limit + 1);
}

/**
 * The section's lines within `budget` characters (as counted by `size`), items in order until the
 * next one would not fit, then the cut line. The cut line's room is reserved with the longest it can
 * be (every item cut), so the result never overruns. Head, tail and cut line are always kept: a
 * section that is present says what it left out even when it shows nothing.
 */
export function fitSection<T>(s: ListSection<T>, budget: number): string[] {
  if (s.items.length === 0) return [];
  const tail = s.tail ?? [];
  const cap = Math.min(s.items.length, s.maxItems ?? Infinity);
  // When everything fits, no cut line is needed and its reserve must not push out the last items.
  if (cap === s.items.length && demand(s, budget) <= budget) return [...s.head, ...s.items.map(s.render), ...tail];
  const rows: string[] = [];
  let used = size(s.head) + size(tail);
  const reserve = s.cut(s.items).length + 1;
  for (let i = 0; i < cap; i++) {
    const row = s.render(s.items[i] as T);
    if (used + row.length + 1 + reserve > budget) break;
    rows.push(row);
    used += row.length + 1;
  }
  const rest = s.items.slice(rows.length);
  return [...s.head, ...rows, ...(rest.length > 0 ? [s.cut(rest)] : []), ...tail];
}

/**
 * Splits `available` characters between sections: each gets what it needs up to its share, and what
 * the modest ones leave over goes to the others in priority order (array order).
 */
export function allocate(available: number, demands: readonly number[], shares: readonly number[]): number[] {
  const alloc = demands.map((d, i) => Math.min(d, Math.floor(available * (shares[i] ?? 0))));
  let left = available - alloc.reduce((a, b) => a + b, 0);
  for (let i = 0; i < alloc.length && left > 0; i++) {
    const extra = Math.min((demands[i] ?? 0) - (alloc[i] ?? 0), left);
    if (extra > 0) {
      alloc[i] = (alloc[i] ?? 0) + extra;
      left -= extra;
    }
  }
  return alloc;
}

/** A section with its item type hidden, so sections of different items can be budgeted together. */
export interface Fittable {
  demand(limit: number): number;
  fit(budget: number): string[];
}

export function fittable<T>(s: ListSection<T>): Fittable {
  return { demand: (limit) => demand(s, limit), fit: (budget) => fitSection(s, budget) };
}
