import { compareDigits } from './digits.js';
import type { VersionComparator } from './types.js';

/**
 * NuGet versions (https://learn.microsoft.com/nuget/concepts/package-versioning): `Major.Minor.Patch[.Revision]`
 * with missing parts as 0 (`1.0` = `1.0.0.0`), then an optional SemVer 2.0.0 prerelease and ignored `+metadata`.
 * As NuGet's VersionComparer does, a release is above its prereleases, prerelease labels compare numerically
 * when both are numbers, a number is below a word, words compare ordinally ignoring case (`1.0.0-Beta` =
 * `1.0.0-beta`), and more labels win a tie.
 */
const PATTERN = /^(\d+(?:\.\d+){0,3})(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

interface NuGetVersion {
  parts: string[];
  labels: string[];
}

export function parseNuGet(version: string): NuGetVersion | undefined {
  const m = PATTERN.exec(version);
  if (!m) return undefined;
  const parts = (m[1] ?? '').split('.');
  while (parts.length < 4) parts.push('0');
  return { parts, labels: m[2] === undefined ? [] : m[2].split('.') };
}

function compareLabel(a: string, b: string): number {
  const numA = /^\d+$/.test(a);
  const numB = /^\d+$/.test(b);
  if (numA && numB) return compareDigits(a, b);
  if (numA !== numB) return numA ? -1 : 1;
  const x = a.toUpperCase();
  const y = b.toUpperCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

function compareLabels(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return (a.length === 0 ? 1 : 0) - (b.length === 0 ? 1 : 0);
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = compareLabel(a[i] as string, b[i] as string);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

export const nugetComparator: VersionComparator = {
  ecosystems: ['NuGet'],
  isValid: (version) => parseNuGet(version) !== undefined,
  compare: (a, b) => {
    const x = parseNuGet(a);
    const y = parseNuGet(b);
    if (!x || !y) throw new TypeError(`not a NuGet version: ${x ? b : a}`);
    for (let i = 0; i < 4; i++) {
      const d = compareDigits(x.parts[i] as string, y.parts[i] as string);
      if (d !== 0) return d;
    }
    return compareLabels(x.labels, y.labels);
  },
};
