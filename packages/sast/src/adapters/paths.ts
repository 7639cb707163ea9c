import { normalizePath } from '@rampart/core';

/** A repository path: absolute paths under `root` lose the root, as core does for other tools. */
export function relativePath(filePath: string, root: string | undefined): string {
  const p = normalizePath(filePath);
  if (!root) return p;
  const prefix = `${normalizePath(root).replace(/\/+$/, '')}/`;
  return p.startsWith(prefix) && p.length > prefix.length ? p.slice(prefix.length) : p;
}
