import { normalizePath } from '../../model/fingerprint.js';

/**
 * A path as a SARIF relative reference. `encodeURI` leaves `?` and `#` alone, which would cut the
 * path short, and a `:` in the first segment would read as a URI scheme (`C:`, `alpine:3.19`).
 */
// encodeURI throws on a lone surrogate, which a hostile file name can contain.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function pathToUriReference(path: string): string {
  const encoded = encodeURI(path.replace(LONE_SURROGATE, '\uFFFD')).replace(/[?#]/g, (c) => (c === '?' ? '%3F' : '%23'));
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
  return `file://${encodeURI(p.replace(LONE_SURROGATE, '\uFFFD')).replace(/[?#]/g, (c) => (c === '?' ? '%3F' : '%23'))}`;
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

const SAFE_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:']);
// RFC 3986 allows only these characters (plus `%` escapes); WHATWG URLs leave `|`, `^`, `{}` and
// backticks unescaped in queries, which strict URI parsers (and the SARIF Multitool) reject.
const NOT_RFC3986 = /[^A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]|%(?![0-9A-Fa-f]{2})/gu;
// .NET's URI check, which the Multitool uses, rejects escaped characters beyond the BMP.
const ASTRAL_ESCAPE = /%F[0-4](?:%[89AB][0-9A-F]){3}/gi;

/**
 * An absolute web URL as an RFC 3986 URI, or undefined when the text is not an http(s)/ws/ftp URL
 * (reports sometimes hold bare paths or `C:\\...` there). Characters beyond the BMP become U+FFFD.
 */
export function webUrlToUri(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw.replace(LONE_SURROGATE, '\uFFFD'));
  } catch {
    return undefined;
  }
  if (!SAFE_SCHEMES.has(url.protocol)) return undefined;
  return url.href
    .replace(NOT_RFC3986, (c) => (c.startsWith('%') ? '%25' : encodeURIComponent(c)))
    .replace(ASTRAL_ESCAPE, '%EF%BF%BD');
}
