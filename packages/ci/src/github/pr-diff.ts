import type { Finding } from '@rampart/core';
import type { GithubClient } from './octokit.js';

/** New-file line numbers of one file's diff: lines the PR added, and unchanged lines shown around them. */
export interface PatchLines {
  added: Set<number>;
  context: Set<number>;
}

export interface ChangedFile extends PatchLines {
  /** A new file whose patch GitHub left out (too large): every line of it is new. */
  wholeFile?: boolean;
}

export interface ChangedLines {
  /** By the file's path in the PR head (the new name of a renamed file). */
  files: Map<string, ChangedFile>;
  /** GitHub lists at most 3000 files of a PR; later files are unknown, so findings in them are not annotated. */
  truncated: boolean;
}

/** 'added': only lines the PR added. 'context': any line GitHub shows in the diff ("added with context"). */
export type DiffMode = 'added' | 'context';

/** The PR files API stops listing after this many files. */
export const GITHUB_PR_FILES_LIMIT = 3000;

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

interface Hunk {
  next: number;
  oldLeft: number;
  newLeft: number;
}

function openHunk(line: string): Hunk | undefined {
  const m = HUNK_HEADER.exec(line);
  if (!m) return undefined;
  const oldCount = m[2] === undefined ? 1 : Number(m[2]);
  const start = Number(m[3]);
  const newCount = m[4] === undefined ? 1 : Number(m[4]);
  // A header with numbers beyond exact integers is not something git writes; ignore that hunk.
  if (![oldCount, start, newCount].every(Number.isSafeInteger)) return undefined;
  return { next: start, oldLeft: oldCount, newLeft: newCount };
}

/**
 * The new-file line numbers of a unified diff, as in the `patch` field of the PR files API. The hunk
 * header's counts, not the line prefixes, decide where a hunk ends, so a multi-file `git diff` (with
 * `diff --git`, `---`, `+++` lines between hunks) parses too. Never throws: input that is not a diff
 * gives empty sets. A line is never both added and context; added wins.
 */
export function parsePatch(patch: string): PatchLines {
  const added = new Set<number>();
  const context = new Set<number>();
  let hunk: Hunk | undefined;
  for (const line of patch.split('\n')) {
    if (line.startsWith('@@')) {
      hunk = openHunk(line);
      continue;
    }
    if (!hunk || (hunk.oldLeft <= 0 && hunk.newLeft <= 0)) continue;
    const c = line[0];
    if (c === '+' && hunk.newLeft > 0) {
      if (hunk.next >= 1) {
        added.add(hunk.next);
        context.delete(hunk.next);
      }
      hunk.next++;
      hunk.newLeft--;
    } else if (c === '-' && hunk.oldLeft > 0) {
      hunk.oldLeft--;
    } else if ((c === ' ' || line === '' || line === '\r') && hunk.newLeft > 0 && hunk.oldLeft > 0) {
      // Some tools strip the space of an empty context line; the counts say whether it belongs.
      if (hunk.next >= 1 && !added.has(hunk.next)) context.add(hunk.next);
      hunk.next++;
      hunk.newLeft--;
      hunk.oldLeft--;
    }
    // Anything else ("\ No newline at end of file", a prefix that contradicts the counts) is skipped.
  }
  return { added, context };
}

/** Finding paths may carry `./` or Windows separators; PR file names never do. */
export function normalizeRepoPath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/^\/+/, '');
}

/** Whether line `n` of a changed file counts under `mode`. */
export function isChangedLine(file: ChangedFile, n: number, mode: DiffMode): boolean {
  if (file.wholeFile) return true;
  return file.added.has(n) || (mode === 'context' && file.context.has(n));
}

function touchesAny(file: ChangedFile, mode: DiffMode): boolean {
  return file.wholeFile === true || file.added.size > 0 || (mode === 'context' && file.context.size > 0);
}

/** Whether a finding lies on the PR's changed lines: see `onChangedLines`. */
export function isOnChangedLines(f: Finding, changed: ChangedLines, mode: DiffMode): boolean {
  const loc = f.location;
  if (loc.type === 'package') {
    const file = loc.file === undefined ? undefined : changed.files.get(normalizeRepoPath(loc.file));
    return file !== undefined && touchesAny(file, mode);
  }
  if (loc.type !== 'source') return false;
  const file = changed.files.get(normalizeRepoPath(loc.path));
  if (!file) return false;
  // A finding about a whole file belongs to the PR when the PR touched that file.
  if (loc.startLine === undefined) return touchesAny(file, mode);
  const start = loc.startLine;
  const end = Math.max(loc.endLine ?? start, start);
  if (file.wholeFile) return true;
  // Walk the smaller side, so a finding claiming lines 1 to 10^9 (fork artifacts are untrusted) stays cheap.
  if (end - start < file.added.size + file.context.size) {
    for (let n = start; n <= end; n++) if (isChangedLine(file, n, mode)) return true;
    return false;
  }
  const inRange = (n: number) => n >= start && n <= end;
  for (const n of file.added) if (inRange(n)) return true;
  if (mode === 'context') for (const n of file.context) if (inRange(n)) return true;
  return false;
}

/**
 * The findings a PR's diff touches: source findings whose line range meets a changed line, and
 * package findings whose lockfile (`location.file`) the PR changed. URL and image findings have no
 * place in the diff and are never included.
 */
export function onChangedLines(findings: readonly Finding[], changed: ChangedLines, mode: DiffMode): Finding[] {
  return findings.filter((f) => isOnChangedLines(f, changed, mode));
}

interface PrFile {
  filename: string;
  status: string;
  patch: string | undefined;
}

function asPrFile(raw: unknown): PrFile | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  const r = raw as Record<string, unknown>;
  if (typeof r.filename !== 'string' || r.filename === '') return undefined;
  return {
    filename: r.filename,
    status: typeof r.status === 'string' ? r.status : 'modified',
    patch: typeof r.patch === 'string' ? r.patch : undefined,
  };
}

/** One entry of the map, or undefined for a file nothing can be annotated in (removed, binary, too large). */
export function changedFileOf(file: { status: string; patch: string | undefined }): ChangedFile | undefined {
  if (file.status === 'removed') return undefined;
  if (file.patch !== undefined) return parsePatch(file.patch);
  // GitHub drops the patch of a large or binary file; only for a new file do we know every line is new.
  if (file.status === 'added') return { added: new Set(), context: new Set(), wholeFile: true };
  return undefined;
}

/**
 * The lines a pull request changed, from `GET /repos/{owner}/{repo}/pulls/{pull_number}/files`, all
 * pages. Throws what Octokit throws; the caller decides how to degrade.
 */
export async function fetchChangedLines(
  client: GithubClient,
  pr: { owner: string; repo: string; pullNumber: number },
): Promise<ChangedLines> {
  const files = new Map<string, ChangedFile>();
  let listed = 0;
  const pages = client.paginate.iterator(client.rest.pulls.listFiles, {
    owner: pr.owner,
    repo: pr.repo,
    pull_number: pr.pullNumber,
    per_page: 100,
  });
  for await (const page of pages) {
    for (const raw of page.data as unknown[]) {
      listed++;
      const file = asPrFile(raw);
      const entry = file ? changedFileOf(file) : undefined;
      if (file && entry) files.set(file.filename, entry);
    }
  }
  return { files, truncated: listed >= GITHUB_PR_FILES_LIMIT };
}
