import { ServiceError, silentLogger, type Logger } from '@rampart/core';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface RetryPolicy {
  /** Node's fetch unless a test passes another. */
  fetch?: FetchLike;
  /** Retries after the first attempt, on network errors, 5xx and 429. */
  retries?: number;
  /** First backoff; doubles each retry. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** A Retry-After longer than this is not waited for: the service is asked to come back later, not now. */
  maxRetryAfterMs?: number;
  sleep?: (ms: number) => Promise<void>;
  logger?: Logger;
}

const DEFAULTS = { retries: 4, backoffMs: 500, maxBackoffMs: 20_000, maxRetryAfterMs: 60_000 };

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 section 10.2.3). */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const RETRYABLE = (status: number): boolean => status === 429 || status >= 500;

/**
 * Requests with one deadline for a whole run: retries with exponential backoff on network errors and 5xx,
 * Retry-After honoured on 429, and every attempt and wait cut short by what is left of the deadline. A service
 * that stays down or refuses becomes a ServiceError (exit 3); the caller decides what a 4xx means.
 */
export class RetryingClient {
  private readonly fetch: FetchLike;
  private readonly policy: typeof DEFAULTS;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly logger: Logger;

  constructor(
    private readonly service: string,
    private readonly deadline: number,
    policy: RetryPolicy = {},
  ) {
    this.fetch = policy.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.policy = { ...DEFAULTS, ...definedOnly(policy) };
    this.sleep = policy.sleep ?? delay;
    this.logger = policy.logger ?? silentLogger;
  }

  private timeLeft(): number {
    return this.deadline - Date.now();
  }

  private timedOut(url: string): ServiceError {
    return new ServiceError(`${this.service} did not answer ${url} before the time limit`);
  }

  private backoff(attempt: number): number {
    const base = Math.min(this.policy.maxBackoffMs, this.policy.backoffMs * 2 ** attempt);
    // Jitter spreads the retries of parallel requests so they do not hit a recovering service together.
    return base / 2 + Math.random() * (base / 2);
  }

  /** The response of the first attempt that is not retryable (2xx, or a 4xx other than 429). */
  async request(url: string, init: RequestInit = {}): Promise<Response> {
    let last = '';
    for (let attempt = 0; attempt <= this.policy.retries; attempt++) {
      if (this.timeLeft() <= 0) throw this.timedOut(url);
      let wait: number;
      try {
        const res = await this.fetch(url, { ...init, signal: AbortSignal.timeout(Math.max(1, this.timeLeft())) });
        if (!RETRYABLE(res.status)) return res;
        last = `HTTP ${res.status}`;
        const after = res.status === 429 ? retryAfterMs(res.headers.get('retry-after'), Date.now()) : undefined;
        await res.body?.cancel().catch(() => undefined);
        if (after !== undefined && after > this.policy.maxRetryAfterMs) {
          throw new ServiceError(`${this.service} is rate limiting (${url} answered 429, retry after ${Math.ceil(after / 1000)}s)`);
        }
        wait = after ?? this.backoff(attempt);
      } catch (e) {
        if (e instanceof ServiceError) throw e;
        if (this.timeLeft() <= 0) throw this.timedOut(url);
        last = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
        wait = this.backoff(attempt);
      }
      if (attempt === this.policy.retries) break;
      if (wait >= this.timeLeft()) throw this.timedOut(url);
      this.logger.debug(`${this.service}: ${url} failed (${last}); retrying in ${Math.round(wait)} ms`);
      await this.sleep(wait);
    }
    throw new ServiceError(`${this.service} is unreachable: ${url} failed ${this.policy.retries + 1} times (last: ${last})`);
  }

  /** JSON of a 2xx answer; `undefined` for 404; a ServiceError for any other status or a body that is not JSON. */
  async json(url: string, init: RequestInit = {}): Promise<unknown> {
    const res = await this.request(url, { ...init, headers: { accept: 'application/json', ...(init.headers ?? {}) } });
    if (res.status === 404) {
      await res.body?.cancel().catch(() => undefined);
      return undefined;
    }
    const text = await res.text();
    if (!res.ok) throw new ServiceError(`${this.service} refused ${url}: HTTP ${res.status} ${text.slice(0, 200)}`);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new ServiceError(`${this.service} answered ${url} with something that is not JSON: ${text.slice(0, 80)}`);
    }
  }
}

function definedOnly(policy: RetryPolicy): Partial<typeof DEFAULTS> {
  const out: Partial<typeof DEFAULTS> = {};
  for (const key of Object.keys(DEFAULTS) as (keyof typeof DEFAULTS)[]) {
    const v = policy[key];
    if (typeof v === 'number') out[key] = v;
  }
  return out;
}

/** Runs `work` over `items` with at most `limit` at a time, results in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  return results;
}
