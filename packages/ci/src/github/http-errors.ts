/**
 * How a failed API call should degrade. `permission`: the token may not do this (a fork PR's read-only
 * GITHUB_TOKEN, missing `security-events: write`): a notice, the step stays green. `failure`: anything
 * else (outage, rate limit, network): a warning, the step stays green too, since the scan result matters more.
 */
export type FailureKind = 'permission' | 'failure';

export interface ClassifiedFailure {
  kind: FailureKind;
  status: number | undefined;
  message: string;
}

function headerOf(e: unknown, name: string): string | undefined {
  const headers = (e as { response?: { headers?: Record<string, unknown> } }).response?.headers;
  const v = headers?.[name];
  return typeof v === 'string' ? v : undefined;
}

export function statusOf(e: unknown): number | undefined {
  const s = e !== null && typeof e === 'object' ? (e as { status?: unknown }).status : undefined;
  return typeof s === 'number' ? s : undefined;
}

/**
 * `write` says whether the failed call was a write: a 404 on a write is how GitHub answers a token that
 * may read but not write some resources, while a 404 on a read means the thing is not there.
 */
export function classifyFailure(e: unknown, write: boolean): ClassifiedFailure {
  const status = statusOf(e);
  const raw = e instanceof Error ? e.message : String(e);
  // Never echo a request body or headers: the message of an Octokit error is the API's message only.
  const message = raw.split('\n')[0]?.slice(0, 500) ?? '';
  const rateLimited = headerOf(e, 'x-ratelimit-remaining') === '0' || /rate limit/i.test(raw);
  if (status === 403 && !rateLimited) return { kind: 'permission', status, message };
  if (status === 404 && write) return { kind: 'permission', status, message };
  if (status === 401) return { kind: 'permission', status, message };
  return { kind: 'failure', status, message };
}
