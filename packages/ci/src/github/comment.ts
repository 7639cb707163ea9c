import { UserError } from '@rampart/core';
import { classifyFailure } from './http-errors.js';
import type { ActionsIO } from './io.js';
import type { GithubClient } from './octokit.js';

export type CommentResult =
  | { status: 'created' | 'updated' | 'unchanged'; commentId: number; url: string | undefined }
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; reason: string };

export interface StickyCommentParams {
  octokit: GithubClient;
  owner: string;
  repo: string;
  issueNumber: number;
  /** Tells this comment apart from other Rampart comments on the same PR, e.g. `sast`. */
  id: string;
  body: string;
  io: ActionsIO;
}

/** GitHub rejects an issue comment body above 65,536 characters. */
export const COMMENT_MAX_CHARS = 65_536;

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$/;

/** The hidden line that finds the comment again; the id is restricted so it cannot close the HTML comment. */
export function commentMarker(id: string, field = 'with.comment-id'): string {
  if (!ID_PATTERN.test(id)) {
    throw new UserError(`comment id "${id}" cannot be used in a marker`, {
      field,
      expected: 'letters, digits and . _ : / - (at most 100, starting with a letter or digit)',
    });
  }
  return `<!-- rampart:${id} -->`;
}

export function stickyBody(marker: string, body: string, maxChars = COMMENT_MAX_CHARS): string {
  const full = `${marker}\n${body}`;
  if (full.length <= maxChars) return full;
  const note = '\n\n> This comment was cut short: it is larger than GitHub allows. The job summary has the full report.\n';
  const cut = full.slice(0, maxChars - note.length);
  return cut.slice(0, Math.max(cut.lastIndexOf('\n'), marker.length)) + note;
}

async function findMarked(p: StickyCommentParams, marker: string): Promise<{ id: number; body: string } | undefined> {
  const pages = p.octokit.paginate.iterator(p.octokit.rest.issues.listComments, {
    owner: p.owner,
    repo: p.repo,
    issue_number: p.issueNumber,
    per_page: 100,
  });
  for await (const page of pages) {
    const hit = page.data.find((c) => c.body?.includes(marker));
    if (hit) return { id: hit.id, body: hit.body ?? '' };
  }
  return undefined;
}

function degrade(p: StickyCommentParams, e: unknown, write: boolean): CommentResult {
  const f = classifyFailure(e, write);
  if (f.kind === 'permission') {
    const reason = `the token may not comment on pull request #${p.issueNumber} (HTTP ${f.status}: ${f.message}); this is normal for pull requests from forks. The job summary has the report.`;
    p.io.notice(`Rampart skipped the PR comment: ${reason}`);
    return { status: 'skipped', reason };
  }
  const reason = `HTTP ${f.status ?? 'error'}: ${f.message}`;
  p.io.warning(`Rampart could not write the PR comment: ${reason}`);
  return { status: 'failed', reason };
}

/**
 * One comment per PR and id: created the first time, edited in place afterwards, so a PR with twenty
 * pushes still has one Rampart comment. Never throws for API failures; it degrades to a notice or warning.
 */
export async function upsertStickyComment(p: StickyCommentParams): Promise<CommentResult> {
  const marker = commentMarker(p.id);
  const body = stickyBody(marker, p.body);
  let existing: { id: number; body: string } | undefined;
  try {
    existing = await findMarked(p, marker);
  } catch (e) {
    return degrade(p, e, false);
  }
  const target = { owner: p.owner, repo: p.repo };
  try {
    if (existing === undefined) {
      const res = await p.octokit.rest.issues.createComment({ ...target, issue_number: p.issueNumber, body });
      p.io.info(`Created the Rampart comment on pull request #${p.issueNumber}.`);
      return { status: 'created', commentId: res.data.id, url: res.data.html_url };
    }
    if (existing.body === body) return { status: 'unchanged', commentId: existing.id, url: undefined };
    const res = await p.octokit.rest.issues.updateComment({ ...target, comment_id: existing.id, body });
    p.io.info(`Updated the Rampart comment on pull request #${p.issueNumber}.`);
    return { status: 'updated', commentId: res.data.id, url: res.data.html_url };
  } catch (e) {
    return degrade(p, e, true);
  }
}
