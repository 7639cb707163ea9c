import picomatch from 'picomatch';
import type { Finding } from '../model/finding.js';
import { normalizePath } from '../model/fingerprint.js';
import type { IgnoreEntry } from './ignore-entry.js';

/** The path an ignore's `path` glob is matched against, if the finding has one. */
export function matchablePath(finding: Finding): string | undefined {
  const loc = finding.location;
  switch (loc.type) {
    case 'source':
      return normalizePath(loc.path);
    case 'package':
      return loc.file !== undefined ? normalizePath(loc.file) : undefined;
    case 'url':
      try {
        return new URL(loc.url).pathname;
      } catch {
        return loc.url.split(/[?#]/)[0];
      }
  }
}

/** Lower-cased rule id and identifier values, the things an ignore's `id` may name. */
export function findingIds(finding: Finding): Set<string> {
  const ids = new Set([finding.ruleId.toLowerCase()]);
  for (const identifier of finding.identifiers) ids.add(identifier.value.toLowerCase());
  return ids;
}

export interface CompiledIgnore {
  entry: IgnoreEntry;
  index: number;
  id: string | undefined;
  matchPath: ((path: string) => boolean) | undefined;
}

export function compileIgnore(entry: IgnoreEntry, index: number): CompiledIgnore {
  // `./src/**` and `src/**` mean the same to a user, and paths are normalised the same way.
  const glob = entry.path !== undefined ? normalizePath(entry.path) : undefined;
  return {
    entry,
    index,
    id: entry.id?.toLowerCase(),
    matchPath: glob !== undefined ? memoized(picomatch(glob, { dot: true })) : undefined,
  };
}

/** Findings cluster in few files; matching each distinct path once keeps 100,000 findings cheap. */
function memoized(match: (path: string) => boolean): (path: string) => boolean {
  const seen = new Map<string, boolean>();
  return (path) => {
    let hit = seen.get(path);
    if (hit === undefined) {
      hit = match(path);
      seen.set(path, hit);
    }
    return hit;
  };
}

export function ignoreMatches(c: CompiledIgnore, finding: Finding, ids: Set<string>): boolean {
  if (c.entry.fingerprint !== undefined && c.entry.fingerprint !== finding.fingerprint) return false;
  if (c.id !== undefined && !ids.has(c.id)) return false;
  if (c.matchPath !== undefined) {
    const path = matchablePath(finding);
    if (path === undefined) return false;
    // A URL path always starts with `/`; `admin/**` and `/admin/**` should both reach it.
    if (!c.matchPath(path) && !(path.startsWith('/') && c.matchPath(path.slice(1)))) return false;
  }
  return true;
}
