import { compareDigits } from './digits.js';
import type { VersionComparator } from './types.js';

/**
 * Debian package versions, `[epoch:]upstream_version[-debian_revision]`, as the Debian Policy Manual defines them
 * (https://www.debian.org/doc/debian-policy/ch-controlfields.html#version) and dpkg's `verrevcmp` implements:
 * the epoch compares as a number; upstream version and revision alternate non-digit and digit runs; in non-digit
 * runs `~` sorts before everything (even the end of the string), then the end, then letters, then other characters
 * in ASCII order; digit runs compare as numbers. Ubuntu uses dpkg unchanged.
 */
interface DpkgVersion {
  epoch: string;
  upstream: string;
  revision: string;
}

// The revision is everything after the last hyphen, so the upstream part may carry hyphens only when one exists.
const UPSTREAM = /^[0-9][A-Za-z0-9.+~-]*$/;
const UPSTREAM_NO_HYPHEN = /^[0-9][A-Za-z0-9.+~]*$/;
const REVISION = /^[A-Za-z0-9.+~]+$/;

export function parseDpkg(version: string): DpkgVersion | undefined {
  const colon = version.indexOf(':');
  const epoch = colon === -1 ? '0' : version.slice(0, colon);
  if (!/^\d+$/.test(epoch)) return undefined;
  const rest = version.slice(colon + 1);
  const hyphen = rest.lastIndexOf('-');
  const upstream = hyphen === -1 ? rest : rest.slice(0, hyphen);
  const revision = hyphen === -1 ? '' : rest.slice(hyphen + 1);
  if (hyphen === -1 ? !UPSTREAM_NO_HYPHEN.test(upstream) : !UPSTREAM.test(upstream) || !REVISION.test(revision)) {
    return undefined;
  }
  return { epoch, upstream, revision };
}

/** dpkg's weight of one character of a non-digit run; `undefined` (past the run's end) weighs 0. */
function weight(c: string | undefined): number {
  if (c === undefined) return 0;
  if (c === '~') return -1;
  const code = c.charCodeAt(0);
  return /[A-Za-z]/.test(c) ? code : code + 256;
}

function compareNonDigits(a: string, b: string): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = weight(a[i]) - weight(b[i]);
    if (d !== 0) return d;
  }
  return 0;
}

/** dpkg's verrevcmp over one part (upstream version or revision). */
export function verrevcmp(a: string, b: string): number {
  const runs = /(\D*)(\d*)/y;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    runs.lastIndex = i;
    const ma = runs.exec(a) ?? ['', '', ''];
    runs.lastIndex = j;
    const mb = runs.exec(b) ?? ['', '', ''];
    const d = compareNonDigits(ma[1] ?? '', mb[1] ?? '') || compareDigits(ma[2] ?? '', mb[2] ?? '');
    if (d !== 0) return d;
    i += ma[0].length;
    j += mb[0].length;
  }
  return 0;
}

export const dpkgComparator: VersionComparator = {
  ecosystems: ['Debian', 'Ubuntu'],
  isValid: (version) => parseDpkg(version) !== undefined,
  compare: (a, b) => {
    const x = parseDpkg(a);
    const y = parseDpkg(b);
    if (!x || !y) throw new TypeError(`not a dpkg version: ${x ? b : a}`);
    return compareDigits(x.epoch, y.epoch) || verrevcmp(x.upstream, y.upstream) || verrevcmp(x.revision, y.revision);
  },
};
