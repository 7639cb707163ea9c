import { newDir, type DirNode, type FileNode, type TreeNode } from './nodes.js';
import { splitPath } from './paths.js';
import { MAX_SYMLINK_HOPS, resolveIn, type Resolved } from './resolve.js';

/** Where an entry lands: its parent directory (symlinks in the parent path already followed) and its name. */
export interface Slot {
  dir: DirNode;
  name: string;
  /** Canonical path inside the image, `/`-separated, no leading `/`. */
  path: string;
}

/**
 * The merged filesystem of an image's layers as they are applied one after another, as overlayfs would present
 * it. Nothing here touches the host filesystem: entries are nodes in memory, and paths go through symlinks only
 * inside the tree.
 */
export class ImageTree {
  readonly root: DirNode = newDir(-1);

  /**
   * Finds (creating missing directories) where `path` goes when written by `layer`. Returns undefined when a
   * symlink in its parent path leads out of the image, as a hostile layer's `link/../../etc/passwd` would.
   */
  slotFor(path: string, layer: number): Slot | undefined {
    const parts = splitPath(path);
    const name = parts.pop();
    if (name === undefined) return undefined;
    const canonical: string[] = [];
    const dir = this.ensureDir(parts, layer, 0, canonical);
    if (!dir) return undefined;
    return { dir, name, path: [...canonical, name].join('/') };
  }

  private ensureDir(parts: readonly string[], layer: number, depth: number, canonical: string[]): DirNode | undefined {
    if (depth > MAX_SYMLINK_HOPS) return undefined;
    let dir = this.root;
    dir.touched = Math.max(dir.touched, layer);
    canonical.length = 0;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i] as string;
      const child = dir.children.get(part);
      if (child?.kind === 'dir') {
        dir = child;
        canonical.push(part);
      } else if (child?.kind === 'symlink') {
        const target = resolveIn(this.root, parts.slice(0, i + 1), true);
        if (!target) return undefined;
        const followed = this.ensureDir(target.components, layer, depth + 1, canonical);
        if (!followed) return undefined;
        dir = followed;
      } else {
        // A file (or nothing) where a directory is needed: the later layer's directory replaces it.
        const created = newDir(layer);
        dir.children.set(part, created);
        dir = created;
        canonical.push(part);
      }
      dir.touched = Math.max(dir.touched, layer);
    }
    return dir;
  }

  /** A directory entry: an existing directory keeps its content; anything else at that name is replaced. */
  putDir(slot: Slot, layer: number): void {
    const existing = slot.dir.children.get(slot.name);
    if (existing?.kind === 'dir') {
      existing.layer = layer;
      existing.touched = Math.max(existing.touched, layer);
    } else {
      slot.dir.children.set(slot.name, newDir(layer));
    }
  }

  /** A file or symlink entry replaces whatever was at its name, a whole directory included. */
  put(slot: Slot, node: TreeNode): void {
    slot.dir.children.set(slot.name, node);
  }

  /** A whiteout (`.wh.<name>`): the name and everything below it disappear from the layers beneath. */
  remove(path: string): void {
    const parts = splitPath(path);
    const name = parts.pop();
    if (name === undefined) return;
    const parent = resolveIn(this.root, parts, true)?.node;
    if (parent?.kind === 'dir') parent.children.delete(name);
  }

  /**
   * An opaque directory (`.wh..wh..opq`): what lower layers put in it disappears, what this layer wrote stays,
   * whichever order the layer's tar lists them in.
   */
  makeOpaque(path: string, layer: number): void {
    const dir = resolveIn(this.root, splitPath(path), true)?.node;
    if (dir?.kind === 'dir') pruneLower(dir, layer);
  }

  lookup(path: string, followLast = true): Resolved | undefined {
    return resolveIn(this.root, splitPath(path), followLast);
  }

  /** The regular file at `path` after following symlinks, or undefined. */
  file(path: string): FileNode | undefined {
    const node = this.lookup(path)?.node;
    return node?.kind === 'file' ? node : undefined;
  }

  /** Every regular file, depth first with names in byte order, so walks are the same on every run. */
  *files(): Generator<[string, FileNode]> {
    // An explicit stack, not recursion: a hostile layer can nest directories thousands deep.
    const sorted = (dir: DirNode) => [...dir.children.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const stack: { prefix: string; dir: DirNode; names: string[]; next: number }[] = [
      { prefix: '', dir: this.root, names: sorted(this.root), next: 0 },
    ];
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as (typeof stack)[number];
      const name = top.names[top.next++];
      if (name === undefined) {
        stack.pop();
        continue;
      }
      const node = top.dir.children.get(name);
      const path = top.prefix === '' ? name : `${top.prefix}/${name}`;
      if (node?.kind === 'file') yield [path, node];
      else if (node?.kind === 'dir') stack.push({ prefix: path, dir: node, names: sorted(node), next: 0 });
    }
  }
}

function pruneLower(dir: DirNode, layer: number): void {
  for (const [name, child] of dir.children) {
    if (child.touched < layer) dir.children.delete(name);
    else if (child.kind === 'dir') pruneLower(child, layer);
  }
}
