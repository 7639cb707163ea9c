import { normalizePath } from '../../model/fingerprint.js';

/**
 * A path as a SARIF relative reference. `encodeURI` leaves `?` and `#` alone, which would cut the
 * path short, and a `:` in the first segment would read as a URI scheme (`C:`, `alpine:3.19`).
 */
export function pathToUriReference(path: string): string {
  const encoded = encodeURI(path).replace(/[?#]/g, (c) => (c === '?' ? '%3F' : '%23'));
  const slash = encoded.indexOf('/');
  const first = slash === -1 ? encoded : encoded.slice(0, slash);
  if (!first.includes(':')) return encoded;
  return first.replace(/:/g, '%3A') + (slash === -1 ? '' : encoded.slice(slash));
}

/** `/work/repo` or `C:\work\repo` -> `file:///work/repo/`, as `originalUriBaseIds` wants it. */
export function directoryToFileUri(dir: string): string {
  let p = dir.replace(/\\/g, '/');
  if (p.startsWith('file://')) return p.endsWith('/') ? p : `${p}/`;
  if (/^[A-Za-z]:\//.test(p)) p = `/${p}`;
  if (!p.startsWith('/')) p = `/${p}`;
  if (!p.endsWith('/')) p = `${p}/`;
  return `file://${encodeURI(p).replace(/[?#]/g, (c) => (c === '?' ? '%3F' : '%23'))}`;
}

export interface ResolvedPath {
  uri: string;
  /** False when the path lies outside the source root; then the URI is absolute and has no base. */
  relative: boolean;
}

/**
 * Scanners report paths relative to the checkout, absolute, or with `./`; GitHub matches alerts to
 * files only by the repository-relative path, so absolute paths under the root are made relative.
 */
export function resolveSourcePath(path: string, srcRoot: string | undefined): ResolvedPath {
  const p = normalizePath(path);
  const isAbsolute = p.startsWith('/') || /^[A-Za-z]:\//.test(p);
  if (!isAbsolute) return { uri: pathToUriReference(p), relative: true };
  if (srcRoot !== undefined) {
    const root = normalizePath(srcRoot).replace(/\/+$/, '');
    if (p.startsWith(`${root}/`)) return { uri: pathToUriReference(p.slice(root.length + 1)), relative: true };
  }
  return { uri: directoryToFileUri(p).replace(/\/$/, ''), relative: false };
}
