import crypto, { createHash } from 'node:crypto';
import type { Finding, RawFinding } from './finding.js';

const VERSION = 'v1';

// One-shot hashing (Node >= 20.12) is several times cheaper than a Hash object per finding; fall back
// where it is missing. Both hash the same bytes: the version, then each part after a NUL.
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;

function hashData(data: string): string {
  const hex = oneShot ? oneShot('sha256', data, 'hex') : createHash('sha256').update(data).digest('hex');
  return hex.slice(0, 32);
}

function hash(parts: readonly string[]): string {
  let data = VERSION;
  for (const p of parts) data += `\0${p}`;
  return hashData(data);
}

/** Whitespace other than single inner spaces: only then does normalising change the text. */
const UNNORMAL_SPACE = /\s\s|[^\S ]|^\s|\s$/;

/** Whitespace and line endings do not change what code means for us; reformatting should not churn ids. */
export function normalizeCode(code: string): string {
  // Most snippets are already normal; testing is much cheaper than replacing and trimming.
  if (!UNNORMAL_SPACE.test(code)) return code;
  return code.replace(/\s+/g, ' ').trim();
}

/** Forward slashes, no leading `./`: the same file from two tools must hash the same. */
export function normalizePath(path: string): string {
  // Called for every finding by every writer; most paths need nothing.
  if (!path.includes('\\') && !path.startsWith('file://') && !path.startsWith('./')) return path;
  let p = path.replace(/\\/g, '/');
  if (p.startsWith('file://')) p = p.slice('file://'.length);
  while (p.startsWith('./')) p = p.slice(2);
  return p;
}

const ID_SEGMENT = [
  /^\d+$/, // numeric ids
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, // UUIDs
  /^[0-9a-f]{16,}$/i, // hashes and object ids
];

/**
 * `https://app/users/42/edit?x=1` and `https://app/users/7/edit?x=2` are the same endpoint: the path
 * template replaces id-like segments and drops the query, so one alert per endpoint and parameter.
 */
export function urlPathTemplate(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return raw.split(/[?#]/)[0] ?? raw;
  }
  const segments = url.pathname.split('/').map((s) => (ID_SEGMENT.some((re) => re.test(s)) ? '{id}' : s));
  return `${url.protocol}//${url.host}${segments.join('/')}`;
}

/** The location's part of the hashed text, each part after a NUL. */
function locationKey(finding: RawFinding | Finding): string {
  const location = finding.location;
  switch (location.type) {
    case 'source': {
      // The line number is deliberately absent: inserting lines above a finding must not change its id.
      // Without the matched code the message is the steadiest thing left; it usually names the variable or call.
      const code = location.snippet !== undefined ? location.snippet : finding.message;
      return `\0${normalizePath(location.path)}\0${normalizeCode(code)}`;
    }
    case 'url':
      return `\0${(location.method ?? 'GET').toUpperCase()}\0${urlPathTemplate(location.url)}\0${location.param ?? ''}`;
    case 'package':
      return `\0${location.name}\0${location.file !== undefined ? normalizePath(location.file) : (location.image ?? '')}`;
  }
}

/**
 * The fingerprint of one finding, without regard to other findings. Use `assignFingerprints` for a
 * set: it separates identical matches in the same file.
 */
export function fingerprintOf(finding: RawFinding | Finding): string {
  // The same bytes as hash([kind, ruleId, ...location parts]), without the intermediate arrays.
  return hashData(`${VERSION}\0${finding.kind}\0${finding.ruleId}${locationKey(finding)}`);
}

/**
 * `{ ...f, fingerprint }` without the spread: V8 gives every object spread from one with many keys a
 * map of its own, and 100,000 maps make every later property read in the writers megamorphic and
 * slow. Copying key by key into a fresh object keeps them all on one map. Key order is the spread's.
 */
function withFingerprint(f: RawFinding | Finding, fingerprint: string): Finding {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(f)) out[key] = (f as unknown as Record<string, unknown>)[key];
  out['fingerprint'] = fingerprint;
  return out as unknown as Finding;
}

function lineOf(f: RawFinding | Finding): number {
  return f.location.type === 'source' ? (f.location.startLine ?? 0) : 0;
}

/**
 * What tells two findings with the same base hash apart as separate occurrences: the line of a
 * source match, the version of a package. Two reports with the same base and the same occurrence
 * key are one issue reported twice (by two tools, or one report read twice) and share a fingerprint,
 * so dedupe can merge them. URL findings have none: every URL of one path template is one endpoint.
 */
function occurrenceKey(f: RawFinding | Finding): string {
  switch (f.location.type) {
    case 'source':
      return String(f.location.startLine ?? 0);
    case 'package':
      return f.location.version ?? '';
    case 'url':
      return '';
  }
}

/**
 * Fingerprints for a set of findings. Two matches of one rule on identical code in one file would
 * collide, so the second and later distinct occurrences (in line order; for packages, other versions)
 * get their occurrence number mixed in, as GitHub's `primaryLocationLineHash` does. Findings that
 * already carry a fingerprint keep it. Only groups that share a base hash are ordered, so the usual
 * case (every base distinct) stays linear.
 */
export function assignFingerprints(findings: readonly (RawFinding | Finding)[]): Finding[] {
  const out = new Array<Finding>(findings.length);
  const groups = new Map<string, number[]>();
  findings.forEach((f, i) => {
    if (f.fingerprint) {
      out[i] = f as Finding;
      return;
    }
    const base = fingerprintOf(f);
    const group = groups.get(base);
    if (group) group.push(i);
    else groups.set(base, [i]);
  });
  for (const [base, members] of groups) {
    if (members.length === 1) {
      const i = members[0] as number;
      out[i] = withFingerprint(findings[i] as RawFinding | Finding, base);
      continue;
    }
    members.sort((a, b) => lineOf(findings[a] as RawFinding) - lineOf(findings[b] as RawFinding) || a - b);
    const seen = new Map<string, number>();
    for (const i of members) {
      const f = findings[i] as RawFinding | Finding;
      const key = occurrenceKey(f);
      let n = seen.get(key);
      if (n === undefined) {
        n = seen.size;
        seen.set(key, n);
      }
      out[i] = withFingerprint(f, n === 0 ? base : hash([base, String(n)]));
    }
  }
  return out;
}

/** GitLab wants UUID-shaped vulnerability ids; derive one from the fingerprint so it is stable too. */
export function fingerprintToUuid(fp: string): string {
  const h = fp.length >= 32 ? fp.slice(0, 32) : createHash('sha256').update(fp).digest('hex').slice(0, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
