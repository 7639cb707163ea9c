import { compareDigits } from './digits.js';
import type { VersionComparator } from './types.js';

/**
 * Dart pub versions, ordered as the pub_semver package's `Version.compareTo`
 * (https://pub.dev/documentation/pub_semver/latest/pub_semver/Version-class.html): SemVer 2.0.0 precedence,
 * except that build metadata counts: a version with a build is above the same version without one
 * (`1.0.0 < 1.0.0+1 < 1.0.0+2`), builds compared like prerelease identifiers (numbers below words).
 */
const PATTERN = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;

interface PubVersion {
  release: [string, string, string];
  pre: string[];
  build: string[];
}

function parsePub(version: string): PubVersion | undefined {
  const m = PATTERN.exec(version);
  if (!m) return undefined;
  return { release: [m[1] ?? '0', m[2] ?? '0', m[3] ?? '0'], pre: m[4]?.split('.') ?? [], build: m[5]?.split('.') ?? [] };
}

function compareIdentifiers(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    const numX = /^\d+$/.test(x);
    const numY = /^\d+$/.test(y);
    const d = numX && numY ? compareDigits(x, y) : numX !== numY ? (numX ? -1 : 1) : x < y ? -1 : x > y ? 1 : 0;
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

export const pubComparator: VersionComparator = {
  ecosystems: ['Pub'],
  isValid: (version) => parsePub(version) !== undefined,
  compare: (a, b) => {
    const x = parsePub(a);
    const y = parsePub(b);
    if (!x || !y) throw new TypeError(`not a pub version: ${x ? b : a}`);
    for (let i = 0; i < 3; i++) {
      const d = compareDigits(x.release[i] as string, y.release[i] as string);
      if (d !== 0) return d;
    }
    // A prerelease sorts before its release; a build sorts after the bare version.
    if ((x.pre.length === 0) !== (y.pre.length === 0)) return x.pre.length === 0 ? 1 : -1;
    const pre = compareIdentifiers(x.pre, y.pre);
    if (pre !== 0) return pre;
    if ((x.build.length === 0) !== (y.build.length === 0)) return x.build.length === 0 ? -1 : 1;
    return compareIdentifiers(x.build, y.build);
  },
};
