import { UnifiedDiffParser } from './diff-parse.js';
import { gitLines } from './git-run.js';
import { DEFAULT_REF_FIELD, resolveCommit } from './git-refs.js';

export interface CommitInfo {
  commit: string;
  authorName: string;
  authorEmail: string;
  /** Author date, strict ISO 8601. */
  date: string;
  subject: string;
}

export interface AddedLine {
  commit: string;
  /** Relative to the root the history was read from, forward slashes. */
  path: string;
  line: number;
  text: string;
}

export interface HistoryOptions {
  /** The flag the ref came from, named in errors. Default `--changed-since`. */
  field?: string;
}

/** Starts each commit's header line; a diff line always starts with `+`, `-`, space, or a letter. */
const COMMIT_MARKER = '\u0001';

/**
 * Commits reachable from HEAD but not from `ref` (`ref..HEAD`), oldest first; every commit of HEAD when `ref` is
 * undefined.
 */
export async function commitsSince(root: string, ref: string | undefined, opts: HistoryOptions = {}): Promise<CommitInfo[]> {
  const range = await historyRange(root, ref, opts);
  const commits: CommitInfo[] = [];
  const args = ['log', '--reverse', '--no-show-signature', '--format=%H%x00%an%x00%ae%x00%aI%x00%s', range, '--'];
  for await (const line of gitLines(root, args)) {
    const [commit, authorName, authorEmail, date, ...subject] = line.split('\0');
    if (!commit || authorName === undefined || authorEmail === undefined || date === undefined) continue;
    commits.push({ commit, authorName, authorEmail, date, subject: subject.join('\0') });
  }
  return commits;
}

/**
 * Every line added by a commit in `ref..HEAD`, oldest commit first, streamed from `git log -p -U0` so a long history
 * never sits in memory. Limited to files under `root`. Merge commits contribute nothing of their own (git log shows
 * no diff for them); the lines they bring in are reported with the commits that wrote them.
 */
export async function* addedLinesByCommit(
  root: string,
  ref: string | undefined,
  opts: HistoryOptions = {},
): AsyncGenerator<AddedLine> {
  const range = await historyRange(root, ref, opts);
  const args = [
    'log', '-p', '-U0', '--reverse', '--no-show-signature', `--format=${COMMIT_MARKER}%H`,
    '--no-ext-diff', '--no-textconv', '--no-color', '--inter-hunk-context=0', '--src-prefix=a/', '--dst-prefix=b/',
    '--find-renames', '--diff-filter=ACMR', '--relative', range, '--',
  ];
  const parser = new UnifiedDiffParser(COMMIT_MARKER);
  let commit = '';
  for await (const line of gitLines(root, args)) {
    const event = parser.push(line);
    if (event?.type === 'commit') commit = event.commit;
    else if (event?.type === 'added') yield { commit, path: event.path, line: event.line, text: event.text };
  }
}

async function historyRange(root: string, ref: string | undefined, opts: HistoryOptions): Promise<string> {
  const field = opts.field ?? DEFAULT_REF_FIELD;
  if (ref === undefined) return resolveCommit(root, 'HEAD', field);
  return `${await resolveCommit(root, ref, field)}..HEAD`;
}
