import { createHash } from 'node:crypto';
import { bySeverityDesc, escapeMarkdown, type Finding, type Severity } from '@rampart/core';
import { classifyFailure, statusOf } from './http-errors.js';
import type { ActionsIO } from './io.js';
import type { GithubClient } from './octokit.js';
import { isChangedLine, isOnChangedLines, normalizeRepoPath, type ChangedFile, type ChangedLines, type DiffMode } from './pr-diff.js';

/** Inline comments notify people; a handful per run is feedback, more is noise. */
export const DEFAULT_MAX_REVIEW_COMMENTS = 10;

export type ReviewCommentsResult =
  | {
      status: 'done';
      /** Comments this run created. */
      created: number;
      /** Findings on changed lines that already had a Rampart comment from an earlier run. */
      alreadyCommented: number;
      /** Findings left out because of `max`. */
      overLimit: number;
      /** Comments GitHub refused (422: the line is no longer in the diff). */
      rejected: number;
    }
  | { status: 'skipped'; reason: string; created: number }
  | { status: 'failed'; reason: string; created: number };

export interface ReviewCommentsParams {
  client: GithubClient;
  owner: string;
  repo: string;
  pullNumber: number;
  /** The PR head commit; GitHub places the comment on that commit's lines. */
  commitId: string;
  /** The new findings: every one on a changed line gets a comment, unless it has one already. */
  findings: readonly Finding[];
  changed: ChangedLines;
  mode: DiffMode;
  max?: number;
  io: ActionsIO;
}

const SAFE_FINGERPRINT = /^[A-Za-z0-9._:/+=-]{1,200}$/;

/**
 * The hidden line that ties a review comment to its finding. A fingerprint from a fork's artifact is
 * untrusted; one that could break out of the HTML comment is replaced by its hash, which stays stable.
 */
export function findingMarker(fingerprint: string): string {
  const id = SAFE_FINGERPRINT.test(fingerprint) ? fingerprint : `sha256-${createHash('sha256').update(fingerprint).digest('hex')}`;
  return `<!-- rampart:finding:${id} -->`;
}

const MARKER_IN_BODY = /<!-- rampart:finding:[^\s>]+ -->/g;

const SEVERITY_LABEL: Record<Severity, string> = {
  critical: '🔴 Critical', high: '🟠 High', medium: '🟡 Medium', low: '🔵 Low', info: '⚪ Info', unknown: '⚪ Unknown',
};

/** Cut before escaping, so an escape sequence or entity is never split. */
function clip(text: string, max: number): string {
  return escapeMarkdown(text.length > max ? `${text.slice(0, max - 1)}…` : text);
}

/** The comment text. Finding text comes from scanned code and third-party reports: all of it is escaped. */
export function reviewCommentBody(f: Finding): string {
  const ids = f.identifiers.slice(0, 5).map((i) => clip(i.value, 80));
  const lines = [
    findingMarker(f.fingerprint),
    `**${SEVERITY_LABEL[f.severity]}** · ${clip(f.title !== '' ? f.title : f.ruleId, 200)}`,
    '',
    clip(f.message, 1000),
  ];
  const fix = f.fix?.versions?.length ? `Fixed in ${f.fix.versions.slice(0, 5).join(', ')}.` : f.fix?.summary;
  if (fix) lines.push('', `**Fix:** ${clip(fix, 500)}`);
  const rule = [clip(f.ruleId, 120), ...ids].join(' · ');
  lines.push('', `<sub>Rampart · ${clip(f.tool.name, 60)} · ${rule}</sub>`);
  return lines.join('\n');
}

/** Runs of consecutive diff lines: the new-file side of each hunk. */
function hunksOf(file: ChangedFile): [number, number][] {
  const lines = [...file.added, ...file.context].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const n of lines) {
    const last = runs[runs.length - 1];
    if (last && n === last[1] + 1) last[1] = n;
    else runs.push([n, n]);
  }
  return runs;
}

/** A comment on lines of the diff, or (`file: true`) on a whole file of the PR, for findings without a diff line. */
export type CommentTarget = { path: string; line: number; startLine?: number } | { path: string; file: true };

function lineTarget(path: string, file: ChangedFile, start: number, end: number, mode: DiffMode, hunks: [number, number][]): CommentTarget | undefined {
  for (let i = hunks.length - 1; i >= 0; i--) {
    const [hs, he] = hunks[i]!;
    const from = Math.max(hs, start);
    const to = Math.min(he, end);
    if (from > to) continue;
    let hit = false;
    for (let n = from; n <= to && !hit; n++) hit = isChangedLine(file, n, mode);
    if (hit) return from < to ? { path, line: to, startLine: from } : { path, line: to };
  }
  return undefined;
}

/**
 * Where GitHub will accept a comment for a finding on the PR's changed lines: the part of its line range
 * that lies in one hunk (GitHub wants `start_line` and `line` in the same hunk), the last such part that
 * holds a changed line. A dependency finding in a changed lockfile, a finding without a line, or one in a
 * new file too large for a patch gets a comment on the file. Undefined when the finding is off the diff.
 */
export function commentTarget(f: Finding, changed: ChangedLines, mode: DiffMode, hunkCache = new Map<string, [number, number][]>()): CommentTarget | undefined {
  if (!isOnChangedLines(f, changed, mode)) return undefined;
  const loc = f.location;
  if (loc.type === 'package' && loc.file !== undefined) return { path: normalizeRepoPath(loc.file), file: true };
  if (loc.type !== 'source') return undefined;
  const path = normalizeRepoPath(loc.path);
  const file = changed.files.get(path);
  if (!file) return undefined;
  if (loc.startLine === undefined || file.wholeFile) return { path, file: true };
  let hunks = hunkCache.get(path);
  if (!hunks) {
    hunks = hunksOf(file);
    hunkCache.set(path, hunks);
  }
  return lineTarget(path, file, loc.startLine, Math.max(loc.endLine ?? loc.startLine, loc.startLine), mode, hunks);
}

function where(t: CommentTarget): string {
  return 'file' in t ? t.path : `${t.path}:${t.line}`;
}

async function existingMarkers(p: ReviewCommentsParams): Promise<Set<string>> {
  const markers = new Set<string>();
  const pages = p.client.paginate.iterator(p.client.rest.pulls.listReviewComments, {
    owner: p.owner,
    repo: p.repo,
    pull_number: p.pullNumber,
    per_page: 100,
  });
  for await (const page of pages) {
    for (const c of page.data) for (const m of (c.body ?? '').matchAll(MARKER_IN_BODY)) markers.add(m[0]);
  }
  return markers;
}

function degrade(p: ReviewCommentsParams, e: unknown, write: boolean, created: number): ReviewCommentsResult {
  const f = classifyFailure(e, write);
  if (f.kind === 'permission') {
    const reason = `the token may not comment on pull request #${p.pullNumber} (HTTP ${f.status}: ${f.message}); this is normal for pull requests from forks.`;
    p.io.notice(`Rampart skipped inline review comments: ${reason}`);
    return { status: 'skipped', reason, created };
  }
  const reason = `HTTP ${f.status ?? 'error'}: ${f.message}`;
  p.io.warning(`Rampart could not write inline review comments: ${reason}`);
  return { status: 'failed', reason, created };
}

/**
 * One inline review comment per new finding on the PR's changed lines, most severe first, at most
 * `max` per run. A finding that already has a Rampart comment (found by its hidden marker) is never
 * commented again, so re-runs add only what is new. Never throws for API failures.
 */
export async function upsertReviewComments(p: ReviewCommentsParams): Promise<ReviewCommentsResult> {
  const max = p.max ?? DEFAULT_MAX_REVIEW_COMMENTS;
  const cache = new Map<string, [number, number][]>();
  const candidates = p.findings
    .filter((f) => f.suppression === undefined)
    .map((f) => ({ f, target: commentTarget(f, p.changed, p.mode, cache) }))
    .filter((c): c is { f: Finding; target: CommentTarget } => c.target !== undefined)
    .sort((a, b) => bySeverityDesc(a.f, b.f));
  if (candidates.length === 0) return { status: 'done', created: 0, alreadyCommented: 0, overLimit: 0, rejected: 0 };
  let markers: Set<string>;
  try {
    markers = await existingMarkers(p);
  } catch (e) {
    return degrade(p, e, false, 0);
  }
  const seen = new Set<string>();
  const todo = candidates.filter(({ f }) => {
    const marker = findingMarker(f.fingerprint);
    // Two findings with one fingerprint (merged from two scanners) get one comment.
    const fresh = !markers.has(marker) && !seen.has(marker);
    seen.add(marker);
    return fresh;
  });
  const result = { status: 'done' as const, created: 0, alreadyCommented: candidates.length - todo.length, overLimit: Math.max(todo.length - max, 0), rejected: 0 };
  for (const { f, target } of todo.slice(0, max)) {
    try {
      await p.client.rest.pulls.createReviewComment({
        owner: p.owner,
        repo: p.repo,
        pull_number: p.pullNumber,
        commit_id: p.commitId,
        path: target.path,
        ...('file' in target
          ? { subject_type: 'file' as const }
          : {
              line: target.line,
              side: 'RIGHT' as const,
              ...(target.startLine !== undefined ? { start_line: target.startLine, start_side: 'RIGHT' as const } : {}),
            }),
        body: reviewCommentBody(f),
      });
      result.created++;
    } catch (e) {
      // 422: the line left the diff (a newer push) or GitHub disagrees about the hunk; the others may still fit.
      if (statusOf(e) === 422) {
        result.rejected++;
        p.io.info(`GitHub refused an inline comment on ${where(target)}: ${classifyFailure(e, true).message}`);
        continue;
      }
      return degrade(p, e, true, result.created);
    }
  }
  if (result.created > 0) p.io.info(`Rampart added ${result.created} inline review comments to pull request #${p.pullNumber}.`);
  if (result.overLimit > 0) p.io.info(`${result.overLimit} more new findings on changed lines got no inline comment (at most ${max} per run); the PR comment lists them.`);
  return result;
}
