import picomatch from 'picomatch';

/**
 * Paths not scanned unless the caller scans them explicitly with other options: lockfiles hold
 * integrity hashes (high entropy, never secrets) and minified bundles are generated. Test fixtures
 * are deliberately NOT skipped: real keys are committed to fixtures too, and a team that accepts
 * fixture secrets says so with `allowPaths` or a suppression.
 */
export const DEFAULT_ALLOW_PATHS: readonly string[] = [
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'poetry.lock',
  'Cargo.lock',
  'go.sum',
  '*.min.js',
];

const cache = new Map<string, (path: string) => boolean>();

/** A matcher for the defaults plus `extra`; globs without a slash match the file's base name. */
export function allowedPathMatcher(extra: readonly string[] = []): (path: string) => boolean {
  const globs = [...DEFAULT_ALLOW_PATHS, ...extra];
  const key = globs.join('\0');
  let matcher = cache.get(key);
  if (!matcher) {
    if (cache.size > 32) cache.clear();
    // picomatch's `basename` option stops slashed globs from matching, so the two kinds are split.
    const base = globs.filter((g) => !g.includes('/'));
    const full = globs.filter((g) => g.includes('/'));
    const matchBase = base.length > 0 ? picomatch(base, { dot: true }) : () => false;
    const matchFull = full.length > 0 ? picomatch(full, { dot: true }) : () => false;
    matcher = (path) => matchFull(path) || matchBase(path.slice(path.lastIndexOf('/') + 1));
    cache.set(key, matcher);
  }
  return matcher;
}

export function isAllowedPath(path: string, extra: readonly string[] = []): boolean {
  const normalized = path.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
  return allowedPathMatcher(extra)(normalized);
}

export function isAllowedValue(secret: string, patterns: readonly RegExp[] = []): boolean {
  return patterns.some((re) => {
    re.lastIndex = 0;
    return re.test(secret);
  });
}
