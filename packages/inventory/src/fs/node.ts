import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { InventoryFs } from './types.js';

/** Directories that never hold a package a project ships; `node_modules` is walked because installed packages count. */
const SKIPPED_DIRS = new Set(['.git', '.hg', '.svn']);

/** A checkout on disk. Directory entries are sorted so the walk (and so the SBOM) is the same on every run. */
export function nodeFs(root: string): InventoryFs {
  async function* walkDir(rel: string): AsyncGenerator<string> {
    const entries = await readdir(rel === '' ? root : join(root, rel), { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) yield* walkDir(path);
      } else if (entry.isFile()) {
        yield path;
      }
    }
  }
  return {
    walk: () => walkDir(''),
    readText: (path) => readFile(join(root, path), 'utf8'),
    readBytes: async (path) => new Uint8Array(await readFile(join(root, path))),
    exists: async (path) => {
      try {
        return (await stat(join(root, path))).isFile();
      } catch {
        return false;
      }
    },
  };
}
