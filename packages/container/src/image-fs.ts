import type { InventoryFs } from '@rampart/inventory';
import type { ContentStore } from './layer/content-store.js';
import type { ImageTree } from './tree/image-tree.js';
import type { FileNode } from './tree/nodes.js';

/** The merged filesystem of an image as catalogers see it, plus which layer wrote each file. */
export interface ImageFs extends InventoryFs {
  /** The id of the layer that last wrote the file `path` resolves to, or undefined. */
  layerOf(path: string): string | undefined;
  /** Whether any entry (file, directory or symlink) is visible at `path`, whether or not its content was kept. */
  visible(path: string): boolean;
}

function notFound(path: string, why: string): Error {
  return Object.assign(new Error(`ENOENT: ${path}: ${why}`), { code: 'ENOENT' });
}

/**
 * Only files some cataloger claims (or reads beside what it claims) have their content kept; `exists` answers for
 * those, so a cataloger never finds a file it then cannot read. `walk` lists every regular file (claiming is by
 * path alone) except claimed ones whose content is missing.
 */
export function imageFs(
  tree: ImageTree,
  store: ContentStore,
  layerIds: readonly string[],
  wants: (path: string) => boolean,
): ImageFs {
  const kept = (path: string): FileNode | undefined => {
    const node = tree.file(path);
    return node?.content ? node : undefined;
  };
  return {
    async *walk() {
      // A claimed file without content (a hard link to a name nobody claimed) is left out, so no cataloger is
      // handed a file it then cannot read; the reader warned about it.
      for (const [path, node] of tree.files()) if (node.content || !wants(path)) yield path;
    },
    readBytes: async (path) => {
      const node = tree.file(path);
      if (!node) throw notFound(path, 'no such file in the image');
      if (!node.content) throw notFound(path, 'content not kept (no cataloger claims it)');
      return store.read(node.content);
    },
    readText: async (path) => {
      const node = kept(path);
      if (!node?.content) throw notFound(path, 'no such file in the image, or its content was not kept');
      return new TextDecoder().decode(await store.read(node.content));
    },
    exists: async (path) => kept(path) !== undefined,
    layerOf: (path) => {
      const node = tree.lookup(path, true)?.node;
      return node ? layerIds[node.layer] : undefined;
    },
    visible: (path) => tree.lookup(path, false)?.node !== undefined,
  };
}
