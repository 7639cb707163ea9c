import type { Logger } from '@rampart/core';

export type SkipReason = 'ignored' | 'binary' | 'minified' | 'too-large' | 'vendored' | 'excluded' | 'symlink';

export interface WalkOptions {
  /** Globs (picomatch); a file must match one. A glob without `/` matches the file name at any depth. */
  include?: string[];
  /** Globs (picomatch); a matching file, or a matching directory with everything under it, is skipped. */
  exclude?: string[];
  /** Only files with these extensions (`ts` or `.ts`, case-insensitive). */
  extensions?: string[];
  /** Files larger than this are skipped as `too-large`. Default 1 MiB. */
  maxFileBytes?: number;
  /** Apply every `.gitignore` in the tree (and above it, up to the repository root) and `.git/info/exclude`. Default true. */
  respectGitignore?: boolean;
  /** Skip vendored, generated and tool directories and minified bundles. Default true. */
  defaultExcludes?: boolean;
  /** Where unreadable directories and files are reported; they are left out of both lists. */
  logger?: Logger;
}

export interface WalkedFile {
  /** Relative to the walk root, forward slashes. */
  path: string;
  absPath: string;
  size: number;
}

export interface SkippedPath {
  /** Relative to the walk root, forward slashes. A skipped directory stands for everything under it. */
  path: string;
  reason: SkipReason;
}

export interface WalkResult {
  /** Sorted by `path` (code unit order, so the same on every machine). */
  files: WalkedFile[];
  /** Sorted by `path`. */
  skipped: SkippedPath[];
}
