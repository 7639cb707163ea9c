import { UserError } from '@rampart/core';

/**
 * Lockfiles and manifests are text; a NUL or other C0 control byte means the file is binary or corrupt, and parsing
 * it line by line would only produce nonsense entries.
 */
export function assertText(path: string, text: string, expected: string): void {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000e-\u001f]/.test(text)) {
    throw new UserError('is not a text file (it holds control characters)', { file: path, expected });
  }
}

/** A project name as PEP 508 allows it; anything else cannot be a PyPI package or a purl name. */
export function isPyName(name: unknown): name is string {
  return typeof name === 'string' && /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/.test(name);
}

/** PEP 503 normalisation: the name pip, PyPI and the lockfiles all compare on. */
export function normalizePyName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** The directory of a `/`-separated relative path, '' at the root. */
export function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

export function joinPath(dir: string, rel: string): string {
  const parts = dir === '' ? [] : dir.split('/');
  for (const seg of rel.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
