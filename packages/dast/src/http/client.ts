import { setTimeout as delay } from 'node:timers/promises';
import { ServiceError } from '@rampart/core';
import type { Scope } from '../scope.js';

export interface HttpRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface HttpResponse {
  url: string;
  method: string;
  status: number;
  headers: Record<string, string>;
  /** Set-Cookie headers one by one (they cannot be joined with commas). */
  setCookies: string[];
  body: string;
  /** Milliseconds from send to the end of the body. */
  elapsedMs: number;
}

export interface ClientLimits {
  /** The most requests the scan may send; later requests are refused and the scan says it stopped early. */
  budget: number;
  requestsPerSecond: number;
  concurrency: number;
  timeoutMs: number;
  /** Response bodies are cut here: a DAST check never needs more, and a huge download must not fill memory. */
  maxBodyBytes: number;
  /** Wall-clock deadline (ms since epoch) after which nothing more is sent. */
  deadline?: number;
  headers: Record<string, string>;
}

export class OutOfScopeError extends Error {
  override readonly name = 'OutOfScopeError';
}

export class BudgetExhaustedError extends Error {
  override readonly name = 'BudgetExhaustedError';
}

/**
 * The only way the built-in engine talks to the network. Every request is checked against the scope before it is
 * sent, redirects are returned, never followed (the crawler decides whether the Location is in scope), and the
 * budget, rate, concurrency and deadline are enforced here so no check can exceed them.
 */
export class ScopedHttp {
  private sent = 0;
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private nextSlot = 0;
  readonly requested: { method: string; url: string }[] = [];
  budgetHit = false;

  constructor(
    private readonly scope: Scope,
    private readonly limits: ClientLimits,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  get count(): number {
    return this.sent;
  }

  private async acquire(): Promise<void> {
    if (this.active >= this.limits.concurrency) await new Promise<void>((r) => this.waiting.push(r));
    this.active++;
    const interval = 1000 / Math.max(this.limits.requestsPerSecond, 0.001);
    const now = Date.now();
    const at = Math.max(now, this.nextSlot);
    this.nextSlot = at + interval;
    if (at > now) await delay(at - now);
  }

  private release(): void {
    this.active--;
    this.waiting.shift()?.();
  }

  async send(req: HttpRequest): Promise<HttpResponse> {
    if (!this.scope.inScope(req.url)) throw new OutOfScopeError(`out of scope: ${req.url}`);
    if (this.sent >= this.limits.budget || (this.limits.deadline !== undefined && Date.now() >= this.limits.deadline)) {
      this.budgetHit = true;
      throw new BudgetExhaustedError('request budget or time limit reached');
    }
    this.sent++;
    await this.acquire();
    const started = Date.now();
    try {
      this.requested.push({ method: req.method, url: req.url });
      const res = await this.fetchImpl(req.url, {
        method: req.method,
        headers: { 'user-agent': 'rampart-dast', ...this.limits.headers, ...(req.headers ?? {}) },
        ...(req.body !== undefined ? { body: req.body } : {}),
        redirect: 'manual',
        signal: AbortSignal.timeout(this.limits.timeoutMs),
      });
      const body = await readCapped(res, this.limits.maxBodyBytes);
      const headers: Record<string, string> = {};
      res.headers.forEach((v, k) => {
        headers[k.toLowerCase()] = v;
      });
      return {
        url: req.url,
        method: req.method,
        status: res.status,
        headers,
        setCookies: res.headers.getSetCookie(),
        body,
        elapsedMs: Date.now() - started,
      };
    } catch (e) {
      if (e instanceof OutOfScopeError || e instanceof BudgetExhaustedError) throw e;
      throw new ServiceError(`${req.method} ${req.url} failed: ${(e as Error).message}`);
    } finally {
      this.release();
    }
  }
}

async function readCapped(res: Response, max: number): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const room = max - size;
    if (value.length >= room) {
      chunks.push(value.subarray(0, room));
      await reader.cancel();
      break;
    }
    chunks.push(value);
    size += value.length;
  }
  return Buffer.concat(chunks).toString('utf8');
}
