import type { InventoryFs } from './types.js';

/** An in-memory tree, for tests and for files already read from an archive. */
export function memoryFs(files: Record<string, string | Uint8Array>): InventoryFs {
  const paths = Object.keys(files).sort();
  const get = (path: string): string | Uint8Array => {
    const value = files[path];
    if (value === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    return value;
  };
  return {
    async *walk() {
      yield* paths;
    },
    readText: async (path) => {
      const value = get(path);
      return typeof value === 'string' ? value : new TextDecoder().decode(value);
    },
    readBytes: async (path) => {
      const value = get(path);
      return typeof value === 'string' ? new TextEncoder().encode(value) : value;
    },
    exists: async (path) => Object.hasOwn(files, path),
  };
}
