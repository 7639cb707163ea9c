import { compareDigits } from './digits.js';
import { isNull, type Item, qualifierKey, RELEASE_KEY } from './maven-items.js';
import { parseMaven } from './maven-parse.js';
import type { VersionComparator } from './types.js';

/**
 * Maven versions, ordered as Maven 3.9's `ComparableVersion` (its Javadoc and
 * https://maven.apache.org/pom.html#version-order-specification): the version is split at `.`, `-` and
 * letter/digit transitions; a `-` or a transition opens a nested sub-list, so what follows a hyphen weighs less
 * than what follows a dot (`1.0.RC2 < 1.0-RC3 < 1.0.1`); a qualifier directly followed by a number is one
 * combined item (`rc1`, `rc-1`, and `a1` = `alpha1`); trailing null items (0, empty) are trimmed in each list;
 * qualifiers order `alpha < beta < milestone < rc = cr < snapshot < "" = ga = final = release < sp < others`,
 * others lexically, all case-insensitively. Missing items compare as "null": 0 for numbers, the release for
 * qualifiers.
 *
 * ComparableVersion is not a total order on every string (`1-snapshot < 1 < 1.sp.1 < 1-snapshot`), and the OSV
 * range walk needs one, so three rare shapes are ordered differently, each where Maven contradicts itself:
 * (a) a qualifier inside the version (`1.sp.1`) starts a sub-list like a trailing one (`1.sp`) already does;
 * (b) a sub-list that begins with a zero before a qualifier (`1-0-snapshot`) is the same as `1-snapshot`;
 * (c) a release qualifier with a number (`1-ga1`) is above the release. Versions that start with a letter or a
 * digit and use ASCII letters, digits, `.`, `-`, `_` and `+` are accepted (Guava's `r09` is one); the property
 * tests check the order on them.
 */
function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares an item with a missing one ("null"). */
function compareWithNull(a: Item): number {
  switch (a.kind) {
    case 'int':
      return isNull(a) ? 0 : 1;
    case 'str':
      return cmpStr(qualifierKey(a.value), RELEASE_KEY);
    case 'combo':
      // Deviation (c): `ga1` is above `ga`, which equals a missing item, so it must be above a missing item too.
      return cmpStr(qualifierKey(a.value), RELEASE_KEY) || 1;
    case 'list':
      for (const item of a.items) {
        const r = compareWithNull(item);
        if (r !== 0) return r;
      }
      return 0;
  }
}

function compareQualifierItems(a: Item & { kind: 'str' | 'combo' }, b: Item & { kind: 'str' | 'combo' }): number {
  const r = cmpStr(qualifierKey(a.value), qualifierKey(b.value));
  if (r !== 0) return r;
  if (a.kind === 'combo' && b.kind === 'combo') return compareDigits(a.digits, b.digits);
  // A qualifier with a number is above the bare qualifier: `rc1 > rc`.
  return a.kind === b.kind ? 0 : a.kind === 'combo' ? 1 : -1;
}

/** Cross-kind order of ComparableVersion: qualifiers < sub-lists < numbers. */
const RANK = { str: 0, combo: 0, list: 1, int: 2 } as const;

export function compareItems(a: Item, b: Item | undefined): number {
  if (b === undefined) return compareWithNull(a);
  if (RANK[a.kind] !== RANK[b.kind]) return RANK[a.kind] - RANK[b.kind];
  if (a.kind === 'int' && b.kind === 'int') return compareDigits(a.digits, b.digits);
  if (a.kind === 'list' && b.kind === 'list') {
    for (let i = 0; i < Math.max(a.items.length, b.items.length); i++) {
      const x = a.items[i];
      const y = b.items[i];
      const r = x === undefined ? (y === undefined ? 0 : -compareWithNull(y)) : compareItems(x, y);
      if (r !== 0) return Math.sign(r);
    }
    return 0;
  }
  return compareQualifierItems(a as Item & { kind: 'str' | 'combo' }, b as Item & { kind: 'str' | 'combo' });
}


export const mavenComparator: VersionComparator = {
  ecosystems: ['Maven'],
  isValid: (version) => /^[0-9A-Za-z][0-9A-Za-z._+-]*$/.test(version) && version.length <= 256,
  compare: (a, b) => compareItems(parseMaven(a), parseMaven(b)),
};
