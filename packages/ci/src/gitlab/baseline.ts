import { parseFindingsFile, type FindingsFile } from '@rampart/core';
import { readBodyCapped } from '../http/bounded-body.js';

/** A findings.json of a big repository is a few MiB; anything far larger is not ours. */
export const DEFAULT_BASELINE_MAX_BYTES = 64 * 1024 * 1024;

export interface GitlabBaselineParams {
  /** `CI_API_V4_URL`. */
  apiV4Url: string;
  /** Numeric id or full path (`group/project`). */
  project: string;
  /** Branch or tag whose latest successful pipeline holds the artifact (GitLab takes no SHA here). */
  ref: string;
  /** Name of the job that uploaded the artifact. */
  job: string;
  /** Path of the findings.json inside the job's artifacts. */
  path: string;
  /** A project or personal access token (`PRIVATE-TOKEN`); preferred over `jobToken` when both are given. */
  token?: string;
  /** `CI_JOB_TOKEN` (`JOB-TOKEN`). */
  jobToken?: string;
  fetch?: typeof fetch;
  maxBytes?: number;
  timeoutMs?: number;
}

export type GitlabBaselineResult =
  | { found: true; content: string; file: FindingsFile; description: string }
  | { found: false; reason: string };

/** The URL of GitLab's "download a single artifact file from a specific tag or branch" endpoint. */
export function gitlabArtifactFileUrl(p: Pick<GitlabBaselineParams, 'apiV4Url' | 'project' | 'ref' | 'job' | 'path'>): string {
  const artifactPath = p.path
    .replace(/^\.\/+/, '')
    .split('/')
    .filter((s) => s !== '')
    .map(encodeURIComponent)
    .join('/');
  const base = p.apiV4Url.replace(/\/+$/, '');
  return `${base}/projects/${encodeURIComponent(p.project)}/jobs/artifacts/${encodeURIComponent(p.ref)}/raw/${artifactPath}?job=${encodeURIComponent(p.job)}`;
}

function authHeaders(p: GitlabBaselineParams): Record<string, string> {
  if (p.token) return { 'PRIVATE-TOKEN': p.token };
  if (p.jobToken) return { 'JOB-TOKEN': p.jobToken };
  return {};
}


/**
 * GitLab may answer with a redirect to object storage or a CDN. Node's fetch forwards custom headers such as
 * PRIVATE-TOKEN on a redirect to another host, so redirects are followed here, and the token goes only to
 * the API's own origin.
 */
async function getFollowing(url: string, p: GitlabBaselineParams): Promise<Response> {
  const f = p.fetch ?? fetch;
  const origin = new URL(url).origin;
  let current = url;
  for (let hop = 0; hop < 5; hop++) {
    const sameOrigin = new URL(current).origin === origin;
    const res = await f(current, {
      headers: { accept: 'application/json, application/octet-stream', ...(sameOrigin ? authHeaders(p) : {}) },
      redirect: 'manual',
      signal: AbortSignal.timeout(p.timeoutMs ?? 30_000),
    });
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      await res.body?.cancel().catch(() => undefined);
      current = new URL(location, current).toString();
      continue;
    }
    return res;
  }
  throw new Error('too many redirects');
}

function statusReason(status: number, p: GitlabBaselineParams, where: string): string {
  if (status === 404) {
    return `no ${p.path} from job ${p.job} in the latest successful pipeline on ${p.ref} (GitLab answered 404: no such pipeline, job or file, or the artifact expired)`;
  }
  if (status === 401 || status === 403) {
    const how = p.token
      ? 'the token in RAMPART_GITLAB_TOKEN may not read job artifacts (it needs read_api scope and Reporter role)'
      : 'CI_JOB_TOKEN may not read this endpoint on every GitLab tier; set RAMPART_GITLAB_TOKEN to a project access token with read_api scope';
    return `${where}: HTTP ${status}: ${how}`;
  }
  return `${where}: HTTP ${status}`;
}

/**
 * The target branch's findings.json from its latest successful pipeline, validated. Every failure is a
 * reason, never an exception: a missing baseline must not break a merge request pipeline.
 */
export async function fetchGitlabBaseline(p: GitlabBaselineParams): Promise<GitlabBaselineResult> {
  const where = `${p.path} of job ${p.job} on ${p.ref}`;
  const max = p.maxBytes ?? DEFAULT_BASELINE_MAX_BYTES;
  let res: Response;
  try {
    res = await getFollowing(gitlabArtifactFileUrl(p), p);
  } catch (e) {
    // Network errors carry the URL at most, never the headers, so the message is safe to show.
    return { found: false, reason: `${where}: cannot reach GitLab: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    return { found: false, reason: statusReason(res.status, p, where) };
  }
  let content: string | undefined;
  try {
    content = (await readBodyCapped(res, max))?.toString('utf8');
  } catch (e) {
    return { found: false, reason: `${where}: download broke off: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (content === undefined) return { found: false, reason: `${where} is larger than ${max} bytes` };
  const parsed = parseFindingsFile(content, where);
  if ('problem' in parsed) return { found: false, reason: parsed.problem };
  const day = /^\d{4}-\d{2}-\d{2}/.exec(parsed.generatedAt)?.[0];
  return { found: true, content, file: parsed, description: `${p.path} of job ${p.job} on ${p.ref}${day ? ` (${day})` : ''}` };
}
