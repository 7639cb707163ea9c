import { relative, sep } from 'node:path';
import { inShard, changedFiles, walkFiles, type Shard, type WalkOptions } from '../walk/index.js';

export interface SelectOptions {
  root: string;
  /** Finding paths are relative to this (default `root`): the repository root, so SARIF's %SRCROOT% holds. */
  reportRoot?: string;
  walk?: WalkOptions;
  shard?: Shard;
  changedSince?: string;
}

export interface SelectedFile {
  path: string;
  absPath: string;
  size: number;
}

export interface Selection {
  files: SelectedFile[];
  skipped: number;
  outOfShard: number;
  unchanged: number;
}

function reportPath(reportRoot: string, absPath: string): string {
  return relative(reportRoot, absPath).split(sep).join('/');
}

/**
 * The files one scan looks at: the walk (ignores, binaries, vendored), then this job's shard, then,
 * for pull requests, only files changed since the ref. The shard is decided on the path relative to the
 * scan root, so every job of a sharded run agrees whatever its working directory.
 */
export async function selectFiles(opts: SelectOptions): Promise<Selection> {
  const walked = await walkFiles(opts.root, opts.walk ?? {});
  const changed = opts.changedSince ? new Set(await changedFiles(opts.root, opts.changedSince)) : undefined;
  const reportRoot = opts.reportRoot ?? opts.root;
  const out: Selection = { files: [], skipped: walked.skipped.length, outOfShard: 0, unchanged: 0 };
  for (const f of walked.files) {
    if (opts.shard && !inShard(f.path, opts.shard)) {
      out.outOfShard++;
      continue;
    }
    if (changed && !changed.has(f.path)) {
      out.unchanged++;
      continue;
    }
    out.files.push({ path: reportPath(reportRoot, f.absPath), absPath: f.absPath, size: f.size });
  }
  return out;
}
