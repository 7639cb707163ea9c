import { normalizeComposer } from './composer-normalize.js';
import { compareDigits } from './digits.js';
import type { VersionComparator } from './types.js';

/**
 * Packagist versions, ordered as Composer does: both versions are normalised by `VersionParser::normalize`
 * (composer-normalize.ts) and compared with PHP's `version_compare`
 * (https://www.php.net/manual/en/function.version-compare.php): the string is split at `.`, `-`, `_`, `+` and at
 * digit/non-digit changes; numbers compare numerically; words by their rank `dev < alpha = a < beta = b <
 * RC = rc < (a number) < pl = p`, any other word lowest; when one side runs out, a further number makes the
 * longer one greater and a further word is compared with "a number" (so `1.0.0.0-RC1 < 1.0.0.0 < 1.0.0.0-patch1`).
 */
const SPECIAL: readonly (readonly [string, number])[] = [
  ['dev', 0],
  ['alpha', 1],
  ['a', 1],
  ['beta', 2],
  ['b', 2],
  ['RC', 3],
  ['rc', 3],
  ['#', 4],
  ['pl', 5],
  ['p', 5],
];

/** PHP's rank of a word: the first special form that it starts with, as `compare_special_version_forms` does. */
function rank(word: string): number {
  return SPECIAL.find(([form]) => word.startsWith(form))?.[1] ?? -6;
}

/** PHP's `php_canonicalize_version` followed by its split into tokens. */
export function phpVersionTokens(version: string): string[] {
  return version
    .replace(/[^0-9A-Za-z]+/g, '.')
    .replace(/(\d)(?=[A-Za-z])|([A-Za-z])(?=\d)/g, '$1$2.')
    .split('.')
    .filter((t) => t !== '');
}

const isNumber = (t: string): boolean => /^\d/.test(t);

function compareToken(a: string, b: string): number {
  if (isNumber(a) && isNumber(b)) return Math.sign(compareDigits(a, b));
  return Math.sign(rank(isNumber(a) ? '#' : a) - rank(isNumber(b) ? '#' : b));
}

export function phpVersionCompare(a: string, b: string): number {
  const x = phpVersionTokens(a);
  const y = phpVersionTokens(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = compareToken(x[i] as string, y[i] as string);
    if (d !== 0) return d;
  }
  const restA = x[y.length];
  const restB = y[x.length];
  if (restA !== undefined) return isNumber(restA) ? 1 : compareToken(restA, '#');
  if (restB !== undefined) return isNumber(restB) ? -1 : compareToken('#', restB);
  return 0;
}

export const packagistComparator: VersionComparator = {
  ecosystems: ['Packagist'],
  isValid: (version) => normalizeComposer(version) !== undefined,
  compare: (a, b) => {
    const x = normalizeComposer(a);
    const y = normalizeComposer(b);
    if (x === undefined || y === undefined) throw new TypeError(`not a Composer version: ${x === undefined ? a : b}`);
    return phpVersionCompare(x, y);
  },
};
