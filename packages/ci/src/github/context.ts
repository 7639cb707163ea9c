import { readFileSync } from 'node:fs';
import { UserError } from '@rampart/core';
import { envValue, type Env } from '../env.js';

/** The parts of a workflow run the integration needs, read from the runner's variables. */
export interface GithubContext {
  owner: string;
  repo: string;
  sha: string | undefined;
  ref: string | undefined;
  eventName: string | undefined;
  /** The webhook payload of the triggering event; `{}` when there is none. */
  payload: Record<string, unknown>;
  serverUrl: string;
  apiUrl: string;
  workspace: string | undefined;
  runId: string | undefined;
  /** The pull request this run is about, if any. */
  pullRequestNumber: number | undefined;
}

export type ReadText = (path: string) => string;

const readUtf8: ReadText = (path) => readFileSync(path, 'utf8');

function readPayload(env: Env, readText: ReadText): Record<string, unknown> {
  const path = envValue(env, 'GITHUB_EVENT_PATH');
  if (path === undefined) return {};
  let text: string;
  try {
    text = readText(path);
  } catch (e) {
    throw new UserError(`cannot read the event payload: ${(e as Error).message}`, { file: path, field: 'GITHUB_EVENT_PATH' });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UserError('the event payload is not JSON', { file: path, expected: 'the JSON webhook payload' });
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new UserError('the event payload is not a JSON object', { file: path, expected: 'a JSON object' });
  }
  return parsed as Record<string, unknown>;
}

function field(obj: unknown, key: string): unknown {
  return obj !== null && typeof obj === 'object' ? (obj as Record<string, unknown>)[key] : undefined;
}

/**
 * The pull request number: from `pull_request` for pull_request(_target) events, and from `issue` for
 * an issue_comment event, but only when that issue is a pull request.
 */
export function pullRequestNumberOf(eventName: string | undefined, payload: Record<string, unknown>): number | undefined {
  let n: unknown;
  if (eventName === 'issue_comment') {
    const issue = field(payload, 'issue');
    n = field(issue, 'pull_request') !== undefined ? field(issue, 'number') : undefined;
  } else {
    n = field(field(payload, 'pull_request'), 'number');
  }
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : undefined;
}

export function parseRepository(value: string | undefined): { owner: string; repo: string } {
  const m = value === undefined ? null : /^([^/\s]+)\/([^/\s]+)$/.exec(value);
  if (!m?.[1] || !m[2]) {
    throw new UserError(`GITHUB_REPOSITORY is ${value === undefined ? 'not set' : `"${value}"`}`, {
      field: 'GITHUB_REPOSITORY',
      expected: 'owner/repo (set by the GitHub Actions runner)',
    });
  }
  return { owner: m[1], repo: m[2] };
}

export function readGithubContext(env: Env, readText: ReadText = readUtf8): GithubContext {
  const { owner, repo } = parseRepository(envValue(env, 'GITHUB_REPOSITORY'));
  const eventName = envValue(env, 'GITHUB_EVENT_NAME');
  const payload = readPayload(env, readText);
  const serverUrl = (envValue(env, 'GITHUB_SERVER_URL') ?? 'https://github.com').replace(/\/+$/, '');
  return {
    owner,
    repo,
    sha: envValue(env, 'GITHUB_SHA'),
    ref: envValue(env, 'GITHUB_REF'),
    eventName,
    payload,
    serverUrl,
    apiUrl: (envValue(env, 'GITHUB_API_URL') ?? 'https://api.github.com').replace(/\/+$/, ''),
    workspace: envValue(env, 'GITHUB_WORKSPACE'),
    runId: envValue(env, 'GITHUB_RUN_ID'),
    pullRequestNumber: pullRequestNumberOf(eventName, payload),
  };
}

/** The link to this workflow run, for the PR comment; undefined outside a run. */
export function runUrl(ctx: GithubContext): string | undefined {
  return ctx.runId ? `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/actions/runs/${ctx.runId}` : undefined;
}

/**
 * The commit and ref a code scanning analysis belongs to. For `pull_request` the runner checks out the
 * merge commit (`GITHUB_SHA`) of `refs/pull/<n>/merge`; for `pull_request_target` the run is on the base
 * branch, so a scan of the PR's code belongs to `refs/pull/<n>/head` and the head sha.
 */
export function analysisRef(ctx: GithubContext): { ref: string; sha: string } | undefined {
  const n = ctx.pullRequestNumber;
  if (ctx.eventName === 'pull_request_target' && n !== undefined) {
    const headSha = field(field(field(ctx.payload, 'pull_request'), 'head'), 'sha');
    if (typeof headSha === 'string') return { ref: `refs/pull/${n}/head`, sha: headSha };
  }
  if (ctx.eventName === 'pull_request' && n !== undefined && ctx.sha) {
    const ref = ctx.ref && /^refs\/pull\/\d+\/(merge|head)$/.test(ctx.ref) ? ctx.ref : `refs/pull/${n}/merge`;
    return { ref, sha: ctx.sha };
  }
  if (ctx.ref?.startsWith('refs/') && ctx.sha) return { ref: ctx.ref, sha: ctx.sha };
  return undefined;
}

/**
 * A pull request from another repository: its token is read-only and its secrets are withheld, so it must not
 * try to write (comment, upload) at all; the `workflow_run` stage publishes for it.
 */
export function isForkPullRequest(ctx: Pick<GithubContext, 'owner' | 'repo' | 'payload'>): boolean {
  const pr = field(ctx.payload, 'pull_request');
  if (pr === undefined) return false;
  const headRepo = field(field(pr, 'head'), 'repo');
  if (field(headRepo, 'fork') === true) return true;
  const headName = field(headRepo, 'full_name');
  const baseName = field(field(ctx.payload, 'repository'), 'full_name') ?? `${ctx.owner}/${ctx.repo}`;
  // A deleted fork has no head repo at all; treat the unknown as a fork.
  if (headRepo === null) return true;
  return typeof headName === 'string' && typeof baseName === 'string' && headName.toLowerCase() !== baseName.toLowerCase();
}

/** The workflow file name (`security.yml`) from `GITHUB_WORKFLOW_REF` (`owner/repo/.github/workflows/security.yml@refs/…`). */
export function workflowFileOf(workflowRef: string | undefined): string | undefined {
  const m = workflowRef === undefined ? null : /\/\.github\/workflows\/([^/@]+\.ya?ml)@/.exec(workflowRef);
  return m?.[1];
}

/** The run that triggered a `workflow_run` event. */
export interface TriggeringRun {
  id: number;
  headSha: string;
  event: string | undefined;
  conclusion: string | undefined;
  /** The triggering run's workflow file (`security.yml`), from `workflow_run.path`. */
  workflowFile: string | undefined;
}

export function triggeringRunOf(eventName: string | undefined, payload: Record<string, unknown>): TriggeringRun | undefined {
  if (eventName !== 'workflow_run') return undefined;
  const run = field(payload, 'workflow_run');
  const id = field(run, 'id');
  const headSha = field(run, 'head_sha');
  if (typeof id !== 'number' || !Number.isInteger(id) || typeof headSha !== 'string') return undefined;
  const event = field(run, 'event');
  const conclusion = field(run, 'conclusion');
  const path = field(run, 'path');
  // Documented as `.github/workflows/x.yml`; some payloads carry `owner/repo/.github/workflows/x.yml@ref`. The
  // workflow id names the same workflow for the runs API when the path is neither.
  const file = typeof path === 'string' ? /(?:^|\/)\.github\/workflows\/([^/@]+\.ya?ml)(?:@.*)?$/.exec(path)?.[1] : undefined;
  const workflowId = field(run, 'workflow_id');
  return {
    id,
    headSha,
    event: typeof event === 'string' ? event : undefined,
    conclusion: typeof conclusion === 'string' ? conclusion : undefined,
    workflowFile: file ?? (typeof workflowId === 'number' && Number.isInteger(workflowId) ? String(workflowId) : undefined),
  };
}

/** The pull request's base branch and head commit from a pull_request(_target) payload. */
export function pullRequestRefsOf(payload: Record<string, unknown>): { baseRef: string; baseSha: string | undefined; headSha: string } | undefined {
  const pr = field(payload, 'pull_request');
  const baseRef = field(field(pr, 'base'), 'ref');
  const baseSha = field(field(pr, 'base'), 'sha');
  const headSha = field(field(pr, 'head'), 'sha');
  if (typeof baseRef !== 'string' || typeof headSha !== 'string') return undefined;
  return { baseRef, baseSha: typeof baseSha === 'string' ? baseSha : undefined, headSha };
}
