import { lstat, readdir, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '@rampart/core';
import { ImageTree } from '../tree/image-tree.js';

/**
 * An unpacked root filesystem read into the same tree as image layers (one layer, index 0), so its symlinks resolve
 * inside the root as they would in the container: `etc/os-release -> /usr/lib/os-release` must not read the host's
 * file. Nothing is copied: kept files point at their place under `dir`.
 */
export async function readRootfs(dir: string, wants: (path: string) => boolean): Promise<ImageTree> {
  const info = await lstat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new UserError('not a directory', { file: dir, expected: 'a root filesystem directory' });
  const tree = new ImageTree();
  const stack = [''];
  while (stack.length > 0) {
    const rel = stack.pop() as string;
    const entries = await readdir(rel === '' ? dir : join(dir, rel), { withFileTypes: true });
    for (const entry of entries) {
      const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
      const slot = tree.slotFor(path, 0);
      if (!slot) continue;
      if (entry.isDirectory()) {
        tree.putDir(slot, 0);
        stack.push(path);
      } else if (entry.isSymbolicLink()) {
        tree.put(slot, { kind: 'symlink', target: await readlink(join(dir, path)), layer: 0, touched: 0 });
      } else if (entry.isFile()) {
        const host = join(dir, path);
        const size = (await lstat(host)).size;
        tree.put(slot, {
          kind: 'file',
          size,
          layer: 0,
          touched: 0,
          ...(wants(path) ? { content: { kind: 'disk' as const, path: host, size } } : {}),
        });
      }
    }
  }
  return tree;
}
