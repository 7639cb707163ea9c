import type { DirNode, TreeNode } from './nodes.js';

/** Linux gives up after 40 symlinks in one lookup (ELOOP); so do we, and a loop resolves to nothing. */
export const MAX_SYMLINK_HOPS = 40;

export interface Resolved {
  /** Canonical components of the resolved path, inside the image. */
  components: string[];
  /** The node at that path; undefined when the path does not exist (its parent may). */
  node: TreeNode | undefined;
}

/**
 * Resolves `components` in the image tree, following symlinks (all of them, and the last one when `followLast`).
 * A symlink's absolute target is taken relative to the image root, never the host. Resolution that climbs above
 * the root, loops or needs more than MAX_SYMLINK_HOPS links resolves to undefined: an escaping link points at
 * nothing in the image.
 */
export function resolveIn(root: DirNode, components: readonly string[], followLast: boolean): Resolved | undefined {
  const path: { name: string; node: TreeNode | undefined }[] = [];
  const queue = [...components];
  let hops = 0;
  while (queue.length > 0) {
    const part = queue.shift() as string;
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (path.length === 0) return undefined;
      path.pop();
      continue;
    }
    const current = path.length === 0 ? root : path[path.length - 1]?.node;
    if (current === undefined) {
      // Below a missing directory nothing exists, but a later `..` may still climb back out of it.
      path.push({ name: part, node: undefined });
      continue;
    }
    if (current.kind !== 'dir') return undefined;
    const child = current.children.get(part);
    if (child?.kind === 'symlink' && (queue.length > 0 || followLast)) {
      if (++hops > MAX_SYMLINK_HOPS) return undefined;
      if (child.target.startsWith('/')) path.length = 0;
      queue.unshift(...child.target.split('/'));
      continue;
    }
    path.push({ name: part, node: child });
  }
  const last = path[path.length - 1];
  return { components: path.map((p) => p.name), node: last ? last.node : root };
}
