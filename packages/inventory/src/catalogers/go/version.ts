// Semantic Versioning 2.0.0 with Go's leading `v` (https://go.dev/ref/mod#versions): numeric identifiers have no
// leading zeros. Checked before makePurl, whose golang validator (packageurl-js 2.0.1) fails with a ReferenceError
// instead of a PurlError on a `v` version that is not semver.
const NUM = '(?:0|[1-9]\\d*)';
const PRE_ID = `(?:${NUM}|\\d*[A-Za-z-][0-9A-Za-z-]*)`;
const SEMVER = new RegExp(`^v${NUM}\\.${NUM}\\.${NUM}(?:-${PRE_ID}(?:\\.${PRE_ID})*)?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?$`);

/** Whether a version is one the go command writes into go.mod and go.sum (canonical semver, pseudo-versions). */
export function isGoVersion(version: string): boolean {
  return SEMVER.test(version);
}

/** Module paths are import paths: no spaces, no control characters, no empty or dot-only elements. */
export function isModulePath(path: string): boolean {
  return /^[^\s"`'\\]+$/.test(path) && path.split('/').every((e) => e !== '' && e !== '.' && e !== '..');
}
