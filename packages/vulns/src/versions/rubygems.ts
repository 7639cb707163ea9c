import { compareDigits } from './digits.js';
import type { VersionComparator } from './types.js';

/**
 * RubyGems versions, ordered as `Gem::Version#<=>` (https://guides.rubygems.org/patterns/#prerelease-gems and
 * the Gem::Version documentation): a `-` reads as `.pre.`; the version is split into runs of digits and of
 * letters; trailing zeros are dropped from the release part and from the prerelease part; then segments compare
 * pairwise, a missing one counting as 0, numbers numerically, letters in byte order, and letters below numbers,
 * which is why any version with a letter (`1.0.a`, `1.0.rc1`, `1.0-1`) is a prerelease below `1.0`.
 */
// Gem::Version::ANCHORED_VERSION_PATTERN, without the surrounding blanks it tolerates.
const PATTERN = /^[0-9]+(?:\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

type Segment = string;

function trimZeros(segments: Segment[]): Segment[] {
  let end = segments.length;
  while (end > 0 && /^0+$/.test(segments[end - 1] as string)) end--;
  return segments.slice(0, end);
}

/** `Gem::Version#canonical_segments`. */
export function canonicalSegments(version: string): Segment[] {
  const segments = version.replace(/-/g, '.pre.').match(/[0-9]+|[a-zA-Z]+/g) ?? [];
  const firstLetters = segments.findIndex((s) => /[a-zA-Z]/.test(s));
  const split = firstLetters === -1 ? segments.length : firstLetters;
  return [...trimZeros(segments.slice(0, split)), ...trimZeros(segments.slice(split))];
}

function compareSegments(a: Segment, b: Segment): number {
  const numA = /^\d/.test(a);
  const numB = /^\d/.test(b);
  if (numA && numB) return compareDigits(a, b);
  if (numA !== numB) return numA ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export const rubygemsComparator: VersionComparator = {
  ecosystems: ['RubyGems'],
  isValid: (version) => PATTERN.test(version),
  compare: (a, b) => {
    const x = canonicalSegments(a);
    const y = canonicalSegments(b);
    for (let i = 0; i < Math.max(x.length, y.length); i++) {
      const d = compareSegments(x[i] ?? '0', y[i] ?? '0');
      if (d !== 0) return Math.sign(d);
    }
    return 0;
  },
};
