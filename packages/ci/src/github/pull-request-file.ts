import { pullRequestRefsOf } from './context.js';
import { classifyFailure } from './http-errors.js';
import type { GithubClient } from './octokit.js';

/*
 * `pull-request.json`: what stage one (a pull_request run, maybe from a fork) tells stage two (the workflow_run job
 * with a write token) about the pull request. Stage two reads it from an artifact the fork's code could have
 * written, so every field is checked strictly and the number is only trusted after the API confirms it.
 */

export const PULL_REQUEST_FILE = 'pull-request.json';

export interface PullRequestFile {
  number: number;
  headSha: string;
  baseRef: string;
  baseSha: string | undefined;
  repository: string;
}

const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const REPOSITORY = /^[A-Za-z0-9_.-]{1,100}\/[A-Za-z0-9_.-]{1,100}$/;

/** A branch name git accepts, in the subset that is safe to show and pass on (no control characters, no `..`). */
export function isSafeBranchName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 255 &&
    /^[A-Za-z0-9._/+-]+$/.test(name) &&
    !name.includes('..') &&
    !name.includes('//') &&
    !name.startsWith('/') &&
    !name.endsWith('/') &&
    !name.endsWith('.lock') &&
    !name.startsWith('-')
  );
}

export function serializePullRequestFile(pr: PullRequestFile): string {
  return `${JSON.stringify({ number: pr.number, headSha: pr.headSha, baseRef: pr.baseRef, baseSha: pr.baseSha ?? null, repository: pr.repository }, null, 2)}\n`;
}

/** The file's content, or why it cannot be used. Never throws. */
export function parsePullRequestFile(text: string): PullRequestFile | { problem: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { problem: `${PULL_REQUEST_FILE} is not JSON` };
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return { problem: `${PULL_REQUEST_FILE} is not a JSON object` };
  const o = doc as Record<string, unknown>;
  if (typeof o.number !== 'number' || !Number.isSafeInteger(o.number) || o.number < 1) {
    return { problem: `${PULL_REQUEST_FILE}: number is not a positive integer` };
  }
  if (typeof o.headSha !== 'string' || !SHA.test(o.headSha)) return { problem: `${PULL_REQUEST_FILE}: headSha is not a commit sha` };
  if (typeof o.baseRef !== 'string' || !isSafeBranchName(o.baseRef)) return { problem: `${PULL_REQUEST_FILE}: baseRef is not a branch name` };
  if (o.baseSha !== undefined && o.baseSha !== null && (typeof o.baseSha !== 'string' || !SHA.test(o.baseSha))) {
    return { problem: `${PULL_REQUEST_FILE}: baseSha is not a commit sha` };
  }
  if (typeof o.repository !== 'string' || !REPOSITORY.test(o.repository)) return { problem: `${PULL_REQUEST_FILE}: repository is not owner/name` };
  return {
    number: o.number,
    headSha: o.headSha,
    baseRef: o.baseRef,
    baseSha: typeof o.baseSha === 'string' ? o.baseSha : undefined,
    repository: o.repository,
  };
}

export type ConfirmedPullRequest =
  | { confirmed: true; number: number; headSha: string; baseRef: string; baseSha: string | undefined }
  | { confirmed: false; reason: string };

/**
 * Asks the API whether pull request `number` really has `headSha` as its head: the claim in an artifact is only
 * believed then, so a fork cannot steer the comment onto someone else's pull request. The base branch comes from
 * the API as well, not from the file.
 */
export async function confirmPullRequest(
  client: GithubClient,
  p: { owner: string; repo: string; number: number; headSha: string },
): Promise<ConfirmedPullRequest> {
  let data: { head: { sha: string }; base: { ref: string; sha: string } };
  try {
    data = (await client.rest.pulls.get({ owner: p.owner, repo: p.repo, pull_number: p.number })).data;
  } catch (e) {
    const f = classifyFailure(e, false);
    return { confirmed: false, reason: `pull request #${p.number} could not be read (HTTP ${f.status ?? 'error'}: ${f.message})` };
  }
  if (data.head.sha !== p.headSha) {
    return { confirmed: false, reason: `pull request #${p.number} has head ${data.head.sha.slice(0, 12)}, not the run's commit ${p.headSha.slice(0, 12)}` };
  }
  return { confirmed: true, number: p.number, headSha: data.head.sha, baseRef: data.base.ref, baseSha: data.base.sha };
}

/** What stage one writes for stage two; undefined outside a pull request. */
export function pullRequestFileOf(ctx: { owner: string; repo: string; eventName: string | undefined; payload: Record<string, unknown>; pullRequestNumber: number | undefined }): PullRequestFile | undefined {
  if (ctx.eventName !== 'pull_request' && ctx.eventName !== 'pull_request_target') return undefined;
  const refs = pullRequestRefsOf(ctx.payload);
  if (ctx.pullRequestNumber === undefined || !refs) return undefined;
  return { number: ctx.pullRequestNumber, headSha: refs.headSha, baseRef: refs.baseRef, baseSha: refs.baseSha, repository: `${ctx.owner}/${ctx.repo}` };
}
