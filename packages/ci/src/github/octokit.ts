import type { GitHub } from '@actions/github/lib/utils';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { UserError } from '@rampart/core';
import Bottleneck from 'bottleneck';
import type { ActionsIO } from './io.js';

export type GithubClient = InstanceType<typeof GitHub>;

export interface OctokitSettings {
  token: string;
  /** `GITHUB_API_URL`; tests point it at the fake server. */
  apiUrl: string;
  io: ActionsIO;
  /** Retries of a failed request (5xx, network) before giving up. */
  retries?: number;
  /**
   * Milliseconds per "second" of retry wait, for both plugins. Production keeps the plugins' 1000;
   * tests pass 1 so a retry costs a millisecond, not seconds.
   */
  retryUnitMs?: number;
  /** Retries after a primary or secondary rate limit. */
  rateLimitRetries?: number;
  /** A rate limit that resets later than this is not waited for: the scan result matters more. */
  maxRateLimitWaitSeconds?: number;
  /** GitHub asks for a pause between mutating requests; tests shorten it. */
  writeIntervalMs?: number;
  /** Pause between requests that notify people (creating a comment): the plugin's 3 s; tests shorten it. */
  notificationIntervalMs?: number;
}

export const OCTOKIT_DEFAULTS = {
  retries: 3,
  retryUnitMs: 1000,
  rateLimitRetries: 2,
  maxRateLimitWaitSeconds: 60,
  writeIntervalMs: 1000,
  notificationIntervalMs: 3000,
} as const;

function rateLimitHandler(io: ActionsIO, kind: string, maxRetries: number, maxWait: number) {
  return (retryAfter: number, options: { method?: string; url?: string }, _octokit: unknown, retryCount: number): boolean => {
    const what = `${options.method ?? 'request'} ${options.url ?? ''}`.trim();
    if (retryCount < maxRetries && retryAfter <= maxWait) {
      io.info(`GitHub ${kind} hit for ${what}; retrying in ${retryAfter}s.`);
      return true;
    }
    io.warning(`GitHub ${kind} hit for ${what}; not retrying (retry ${retryCount + 1}, reset in ${retryAfter}s).`);
    return false;
  };
}

/**
 * An Octokit from @actions/github's `getOctokit`, with the retry and throttling plugins. The token is
 * masked before anything else happens. @actions/github is imported here rather than at the top because
 * it reads the runner's environment when it loads, and nothing in this package may do that on import.
 */
export async function createOctokit(settings: OctokitSettings): Promise<GithubClient> {
  const token = settings.token.trim();
  if (token === '') {
    throw new UserError('no GitHub token', { field: 'with.token', expected: 'a token (the default is ${{ github.token }})' });
  }
  settings.io.setSecret(token);
  const o = { ...OCTOKIT_DEFAULTS, ...stripUndefined(settings) };
  const { getOctokit } = await import('@actions/github');
  const io = settings.io;
  return getOctokit(
    token,
    {
      baseUrl: settings.apiUrl.replace(/\/+$/, ''),
      // Octokit's own messages (deprecations, plugin notes) are diagnostics, not annotations.
      log: { debug: (m: string) => io.debug(m), info: (m: string) => io.debug(m), warn: (m: string) => io.info(m), error: (m: string) => io.info(m) },
      retry: { retries: o.retries, retryAfterBaseValue: o.retryUnitMs },
      throttle: {
        retryAfterBaseValue: o.retryUnitMs,
        // Own groups rather than the plugin's process-wide ones, so the pauses follow these settings.
        write: new Bottleneck.Group({ maxConcurrent: 1, minTime: o.writeIntervalMs }),
        notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: o.notificationIntervalMs }),
        onRateLimit: rateLimitHandler(io, 'rate limit', o.rateLimitRetries, o.maxRateLimitWaitSeconds),
        onSecondaryRateLimit: rateLimitHandler(io, 'secondary rate limit', o.rateLimitRetries, o.maxRateLimitWaitSeconds),
      },
    },
    retry,
    throttling,
  );
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
