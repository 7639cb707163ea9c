import { compareDigits } from './digits.js';
import type { VersionComparator } from './types.js';

/**
 * RPM `[epoch:]version[-release]`, ordered as rpm's `rpmvercmp` (documented in rpm's docs/manual/dependencies.md,
 * "Versioning", and Fedora's packaging guidelines, "Versioning"): the epoch compares as a number (missing is 0);
 * version and release are each split into runs of digits or of letters, everything else being a separator; digit
 * runs compare as numbers, letter runs in ASCII order, a digit run beats a letter run; `~` sorts before anything,
 * even the end (`1.0~rc1 < 1.0`), and `^` after the end but before anything else (`1.0 < 1.0^git1 < 1.0.1`).
 */
interface Evr {
  epoch: string;
  version: string;
  release: string | undefined;
}

// rpm refuses `-` inside version and release; the other printable separators are allowed and skipped.
const PART = /^[A-Za-z0-9._+~^]+$/;

export function parseEvr(evr: string): Evr | undefined {
  const m = /^(?:(\d+):)?([^:]*)$/.exec(evr);
  if (!m) return undefined;
  const [version = '', release, extra] = (m[2] ?? '').split('-');
  if (extra !== undefined || !PART.test(version) || (release !== undefined && !PART.test(release))) return undefined;
  return { epoch: m[1] ?? '0', version, release };
}

const SEPARATORS = /[^A-Za-z0-9~^]*/y;
const SEGMENT = /\d+|[A-Za-z]+/y;

function skip(s: string, at: number): number {
  SEPARATORS.lastIndex = at;
  SEPARATORS.exec(s);
  return SEPARATORS.lastIndex;
}

function segment(s: string, at: number): string {
  SEGMENT.lastIndex = at;
  return SEGMENT.exec(s)?.[0] ?? '';
}

/** rpm's rpmvercmp. */
export function rpmvercmp(a: string, b: string): number {
  let i = 0;
  let j = 0;
  for (;;) {
    i = skip(a, i);
    j = skip(b, j);
    const x = a[i];
    const y = b[j];
    if (x === '~' || y === '~') {
      if (x !== y) return x === '~' ? -1 : 1;
    } else if (x === '^' || y === '^') {
      if (x === undefined) return -1;
      if (y === undefined) return 1;
      if (x !== y) return x === '^' ? -1 : 1;
    } else if (x === undefined || y === undefined) {
      return x === y ? 0 : x === undefined ? -1 : 1;
    } else {
      const sa = segment(a, i);
      const sb = segment(b, j);
      const numA = /\d/.test(x);
      if (numA !== /\d/.test(y)) return numA ? 1 : -1;
      const d = numA ? compareDigits(sa, sb) : sa < sb ? -1 : sa > sb ? 1 : 0;
      if (d !== 0) return Math.sign(d);
      i += sa.length;
      j += sb.length;
      continue;
    }
    i++;
    j++;
  }
}

/** As rpm 4.18's `rpm.vercmp` on full EVRs: a missing release is below any release, even `~`. */
function compareReleases(a: string | undefined, b: string | undefined): number {
  if (a === undefined || b === undefined) return (a === undefined ? 0 : 1) - (b === undefined ? 0 : 1);
  return rpmvercmp(a, b);
}

export const rpmComparator: VersionComparator = {
  ecosystems: ['Red Hat', 'Rocky Linux', 'AlmaLinux', 'openSUSE', 'SUSE', 'Mageia', 'openEuler', 'Photon OS', 'Azure Linux'],
  isValid: (version) => parseEvr(version) !== undefined,
  compare: (a, b) => {
    const x = parseEvr(a);
    const y = parseEvr(b);
    if (!x || !y) throw new TypeError(`not an rpm version: ${x ? b : a}`);
    return compareDigits(x.epoch, y.epoch) || rpmvercmp(x.version, y.version) || compareReleases(x.release, y.release);
  },
};
