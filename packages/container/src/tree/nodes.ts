/**
 * Where a kept file's content lives: in memory when small, else in a file on disk (the reader's scratch directory,
 * or the rootfs being scanned).
 */
export type ContentRef = { kind: 'memory'; data: Uint8Array } | { kind: 'disk'; path: string; size: number };

interface NodeBase {
  /** Index of the layer that last wrote this entry. */
  layer: number;
  /** Highest layer index that wrote this node or anything below it (opaque directories keep what it wrote). */
  touched: number;
}

export interface FileNode extends NodeBase {
  kind: 'file';
  size: number;
  /** Absent when no cataloger needs the file: only its metadata is kept. */
  content?: ContentRef;
}

export interface DirNode extends NodeBase {
  kind: 'dir';
  children: Map<string, TreeNode>;
}

export interface SymlinkNode extends NodeBase {
  kind: 'symlink';
  target: string;
}

export type TreeNode = FileNode | DirNode | SymlinkNode;

export function newDir(layer: number): DirNode {
  return { kind: 'dir', layer, touched: layer, children: new Map() };
}
