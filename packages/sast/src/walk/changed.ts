import { UnifiedDiffParser } from './diff-parse.js';
import { gitLines, gitOutput } from './git-run.js';
import { DEFAULT_REF_FIELD, mergeBase, resolveCommit } from './git-refs.js';
import { normalizeShardPath } from './shard.js';

/** Inclusive 1-based line numbers in the new version of a file. */
export interface LineRange {
  start: number;
  end: number;
}

export type ChangedLines = Map<string, LineRange[]>;

export interface ChangedOptions {
  /**
   * Also count uncommitted work: the working tree instead of HEAD, plus untracked files that are not ignored.
   * Off by default because a CI checkout is clean, and there untracked files are build output or reports written
   * by an earlier step; on for a developer running a scan before committing.
   */
  includeUncommitted?: boolean;
  /** The flag the ref came from, named in errors. Default `--changed-since`. */
  field?: string;
}

/** A file git does not track has no diff: all of it is new. */
const WHOLE_FILE: LineRange = { start: 1, end: Number.MAX_SAFE_INTEGER };

/** Pins what git prints so that parsing does not depend on the user's diff config. */
const DIFF_FLAGS = ['--no-ext-diff', '--no-textconv', '--find-renames', '--diff-filter=ACMR', '--relative'];

/**
 * Files added, copied, modified or renamed on this branch since it left `sinceRef` (`git diff <ref>...HEAD`),
 * relative to `root` and limited to it. Deleted files are left out: there is nothing to scan.
 */
export async function changedFiles(root: string, sinceRef: string, opts: ChangedOptions = {}): Promise<string[]> {
  const range = await diffRange(root, sinceRef, opts);
  const out = await gitOutput(root, ['diff', '--name-only', '-z', ...DIFF_FLAGS, ...range, '--']);
  const paths = new Set(out.split('\0').filter((p) => p !== ''));
  if (opts.includeUncommitted) for (const p of await untrackedFiles(root)) paths.add(p);
  return [...paths].sort(compare);
}

/**
 * The added or modified lines of each changed file, from the hunk bodies of `git diff -U0`. A file changed only by
 * deletions maps to an empty list.
 */
export async function changedLines(root: string, sinceRef: string, opts: ChangedOptions = {}): Promise<ChangedLines> {
  const range = await diffRange(root, sinceRef, opts);
  const args = ['diff', '-U0', '--inter-hunk-context=0', '--no-color', '--src-prefix=a/', '--dst-prefix=b/', ...DIFF_FLAGS, ...range, '--'];
  const map: ChangedLines = new Map();
  const parser = new UnifiedDiffParser();
  for await (const line of gitLines(root, args)) {
    const event = parser.push(line);
    if (event?.type === 'file') map.set(event.path, map.get(event.path) ?? []);
    else if (event?.type === 'added') addLine(map, event.path, event.line);
  }
  if (opts.includeUncommitted) for (const p of await untrackedFiles(root)) map.set(p, [WHOLE_FILE]);
  return map;
}

/** Whether `line` of `path` was added or changed; paths are compared in the walk's spelling. */
export function onChangedLines(path: string, line: number, map: ChangedLines): boolean {
  const ranges = map.get(path) ?? map.get(normalizeShardPath(path));
  if (!ranges) return false;
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid];
    if (!r) return false;
    if (line < r.start) hi = mid - 1;
    else if (line > r.end) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Lines arrive in increasing order within a file, so extending the last range keeps the list sorted and merged. */
function addLine(map: ChangedLines, path: string, line: number): void {
  let ranges = map.get(path);
  if (!ranges) map.set(path, (ranges = []));
  const last = ranges[ranges.length - 1];
  if (last && line === last.end + 1) last.end = line;
  else if (!last || line > last.end) ranges.push({ start: line, end: line });
}

async function diffRange(root: string, sinceRef: string, opts: ChangedOptions): Promise<string[]> {
  const field = opts.field ?? DEFAULT_REF_FIELD;
  const commit = await resolveCommit(root, sinceRef, field);
  const base = await mergeBase(root, commit, sinceRef, field);
  // Without a second commit, git diffs the base against the working tree.
  return opts.includeUncommitted ? [base] : [base, 'HEAD'];
}

async function untrackedFiles(root: string): Promise<string[]> {
  const out = await gitOutput(root, ['ls-files', '--others', '--exclude-standard', '-z', '--']);
  return out.split('\0').filter((p) => p !== '');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
