import { promises as fs, type Stats } from 'node:fs';
import path from 'node:path';
import { UserError, type Logger } from '@rampart/core';
import { DEFAULT_EXCLUDED_DIRS, isMinifiable, isMinifiedName } from './default-excludes.js';
import { compileFilters, type PathFilters } from './filters.js';
import { IgnoreStack } from './ignore-stack.js';
import { looksBinary, looksMinified, readSample } from './sniff.js';
import type { SkipReason, SkippedPath, WalkedFile, WalkOptions, WalkResult } from './types.js';

export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

/** Entries of one directory examined at once: enough to overlap I/O, few enough to bound open file handles. */
const CONCURRENCY = 32;

interface Context {
  filters: PathFilters;
  maxFileBytes: number;
  defaultExcludes: boolean;
  logger: Logger | undefined;
}

interface DirToVisit {
  rel: string;
  abs: string;
  ignore: IgnoreStack;
}

type Verdict =
  | { kind: 'dir'; rel: string; abs: string }
  | { kind: 'file'; file: WalkedFile }
  | { kind: 'skip'; skipped: SkippedPath }
  | { kind: 'none' };

/**
 * Lists the files a scanner should read under `root`, and why every other entry was left out. Symlinks are never
 * followed, so nothing outside `root` is read; directories are read as streams and a file's content is judged on
 * its first 8 KiB only.
 */
export async function walkFiles(root: string, opts: WalkOptions = {}): Promise<WalkResult> {
  const absRoot = path.resolve(root);
  await assertDirectory(root, absRoot);
  const ctx: Context = {
    filters: compileFilters(opts),
    maxFileBytes: checkedMaxBytes(opts.maxFileBytes),
    defaultExcludes: opts.defaultExcludes ?? true,
    logger: opts.logger,
  };
  const rootIgnore = await IgnoreStack.load(absRoot, { respectGitignore: opts.respectGitignore ?? true });
  const files: WalkedFile[] = [];
  const skipped: SkippedPath[] = [];
  const pending: DirToVisit[] = [{ rel: '', abs: absRoot, ignore: rootIgnore }];
  for (let dir = pending.pop(); dir; dir = pending.pop()) {
    const ignore = await dir.ignore.enter(dir.rel, dir.abs);
    const names = await listDirectory(dir.abs, ctx.logger);
    for (let i = 0; i < names.length; i += CONCURRENCY) {
      const batch = names.slice(i, i + CONCURRENCY);
      const verdicts = await Promise.all(batch.map((name) => judge(ctx, dir, ignore, name)));
      for (const v of verdicts) {
        if (v.kind === 'dir') pending.push({ rel: v.rel, abs: v.abs, ignore });
        else if (v.kind === 'file') files.push(v.file);
        else if (v.kind === 'skip') skipped.push(v.skipped);
      }
    }
  }
  files.sort((a, b) => compare(a.path, b.path));
  skipped.sort((a, b) => compare(a.path, b.path));
  return { files, skipped };
}

async function judge(ctx: Context, dir: DirToVisit, ignore: IgnoreStack, name: string): Promise<Verdict> {
  const rel = dir.rel === '' ? name : `${dir.rel}/${name}`;
  const abs = path.join(dir.abs, name);
  let stat: Stats;
  try {
    stat = await fs.lstat(abs);
  } catch (err) {
    ctx.logger?.warn(`cannot read ${rel}: ${errorMessage(err)}`);
    return { kind: 'none' };
  }
  const skip = (reason: SkipReason): Verdict => ({ kind: 'skip', skipped: { path: rel, reason } });
  const isDir = stat.isDirectory();
  if (isDir && ctx.defaultExcludes && DEFAULT_EXCLUDED_DIRS.has(name)) return skip('vendored');
  if (ignore.isIgnored(rel, isDir)) return skip('ignored');
  if (isDir) return ctx.filters.excludesDir(rel) ? skip('excluded') : { kind: 'dir', rel, abs };
  if (ctx.filters.excludesFile(rel)) return skip('excluded');
  if (stat.isSymbolicLink()) return skip('symlink');
  // Sockets, FIFOs and devices: opening a FIFO would block the walk, and none of them hold source code.
  if (!stat.isFile()) return { kind: 'none' };
  if (ctx.defaultExcludes && isMinifiedName(name)) return skip('minified');
  if (stat.size > ctx.maxFileBytes) return skip('too-large');
  if (stat.size > 0) {
    let sample: Buffer;
    try {
      sample = await readSample(abs);
    } catch (err) {
      ctx.logger?.warn(`cannot read ${rel}: ${errorMessage(err)}`);
      return { kind: 'none' };
    }
    if (looksBinary(sample)) return skip('binary');
    if (ctx.defaultExcludes && isMinifiable(name) && looksMinified(sample)) return skip('minified');
  }
  return { kind: 'file', file: { path: rel, absPath: abs, size: stat.size } };
}

/** Reads entries through `opendir`, which fetches them in small batches instead of one array for the directory. */
async function listDirectory(absDir: string, logger: Logger | undefined): Promise<string[]> {
  const names: string[] = [];
  try {
    const handle = await fs.opendir(absDir);
    for await (const entry of handle) names.push(entry.name);
  } catch (err) {
    logger?.warn(`cannot list ${absDir}: ${errorMessage(err)}`);
  }
  return names.sort(compare);
}

async function assertDirectory(given: string, absRoot: string): Promise<void> {
  const stat = await fs.stat(absRoot).catch(() => undefined);
  if (!stat?.isDirectory()) {
    throw new UserError(`${given} is not a directory`, { file: given, expected: 'a directory to scan' });
  }
}

function checkedMaxBytes(value: number | undefined): number {
  if (value === undefined) return DEFAULT_MAX_FILE_BYTES;
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new UserError(`max file size ${value} is not valid`, {
      field: 'maxFileBytes',
      expected: 'a whole number of bytes, 0 or more',
    });
  }
  return value;
}

/** Code unit order, not locale order, so every machine sorts alike. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
