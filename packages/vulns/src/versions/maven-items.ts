/** The items of a parsed Maven version and the rules on them that parsing and comparing share (see maven.ts). */
export type Item =
  | { kind: 'int'; digits: string }
  | { kind: 'str'; value: string }
  | { kind: 'combo'; value: string; digits: string }
  | { kind: 'list'; items: Item[] };

const QUALIFIERS = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'];
export const RELEASE_KEY = String(QUALIFIERS.indexOf(''));
const SHORT: Readonly<Record<string, string>> = { a: 'alpha', b: 'beta', m: 'milestone' };

export function qualifier(value: string, followedByDigit: boolean): string {
  const long = followedByDigit ? (SHORT[value] ?? value) : value;
  return long === 'cr' ? 'rc' : long;
}

/** A key whose string order is the qualifier order; unknown qualifiers come after the known ones, lexically. */
export function qualifierKey(q: string): string {
  if (q === 'ga' || q === 'final' || q === 'release') return RELEASE_KEY;
  const i = QUALIFIERS.indexOf(q);
  return i === -1 ? `${QUALIFIERS.length}-${q}` : String(i);
}

export function isNull(item: Item): boolean {
  if (item.kind === 'int') return /^0*$/.test(item.digits);
  if (item.kind === 'str') return item.value === '';
  return item.kind === 'list' && item.items.length === 0;
}

/** Removes null items that end a list or stand before a qualifier, as ComparableVersion's `normalize`. */
export function normalize(items: Item[]): Item[] {
  const out = [...items];
  for (let i = out.length - 1; i >= 0; i--) {
    if (!isNull(out[i] as Item)) continue;
    const next = out[i + 1];
    const head = next?.kind === 'list' ? next.items[0] : undefined;
    if (next === undefined || next.kind === 'str' || head?.kind === 'combo' || head?.kind === 'str') out.splice(i, 1);
  }
  return out;
}

