import { describe, expect, it } from 'vitest';
import { ImageTree } from './image-tree.js';
import type { FileNode } from './nodes.js';

function file(tree: ImageTree, path: string, layer: number): void {
  const slot = tree.slotFor(path, layer);
  if (!slot) throw new Error(`no slot for ${path}`);
  const node: FileNode = { kind: 'file', size: 0, layer, touched: layer };
  tree.put(slot, node);
}

function dir(tree: ImageTree, path: string, layer: number): void {
  const slot = tree.slotFor(path, layer);
  if (!slot) throw new Error(`no slot for ${path}`);
  tree.putDir(slot, layer);
}

const paths = (tree: ImageTree) => [...tree.files()].map(([p]) => p);

describe('ImageTree', () => {
  it('an opaque directory hides lower layers only, whatever the order of entries in its layer', () => {
    const tree = new ImageTree();
    file(tree, 'etc/app/old.conf', 0);
    file(tree, 'etc/app/sub/old2.conf', 0);
    file(tree, 'etc/other.conf', 0);
    // Layer 1 writes a file first, then marks the directory opaque (tar order is not guaranteed).
    file(tree, 'etc/app/sub/new.conf', 1);
    tree.makeOpaque('etc/app', 1);
    file(tree, 'etc/app/after.conf', 1);
    expect(paths(tree)).toEqual(['etc/app/after.conf', 'etc/app/sub/new.conf', 'etc/other.conf']);
  });

  it('a whiteout removes a directory with everything below it', () => {
    const tree = new ImageTree();
    file(tree, 'a/b/c', 0);
    file(tree, 'a/d', 0);
    tree.remove('a/b');
    expect(paths(tree)).toEqual(['a/d']);
  });

  it('writes through a directory symlink of a lower layer land at its target, as extraction would', () => {
    const tree = new ImageTree();
    dir(tree, 'usr/lib', 0);
    const link = tree.slotFor('lib', 0);
    if (!link) throw new Error('no slot');
    tree.put(link, { kind: 'symlink', target: 'usr/lib', layer: 0, touched: 0 });
    file(tree, 'lib/apk/db/installed', 1);
    expect(paths(tree)).toEqual(['usr/lib/apk/db/installed']);
    expect(tree.file('lib/apk/db/installed')?.layer).toBe(1);
  });

  it('a file replaces a directory and a directory replaces a file', () => {
    const tree = new ImageTree();
    file(tree, 'x/y', 0);
    file(tree, 'x', 1);
    expect(paths(tree)).toEqual(['x']);
    file(tree, 'x/z', 2);
    expect(paths(tree)).toEqual(['x/z']);
  });

  it('resolves .. inside the image and refuses to climb above the root', () => {
    const tree = new ImageTree();
    file(tree, 'a/b', 0);
    expect(tree.lookup('a/../a/b')?.node?.kind).toBe('file');
    expect(tree.lookup('a/../../a/b')).toBeUndefined();
  });
});
