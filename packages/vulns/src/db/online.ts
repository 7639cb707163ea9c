import { ServiceError } from '@rampart/core';
import { z } from 'zod';
import { parseOsvRecord } from '../osv/parse.js';
import type { OsvRecord } from '../osv/types.js';
import { mapLimit, RetryingClient, type RetryPolicy } from './http.js';
import type { PackageQuery, SourceAnswer, VulnSource } from './source.js';

export const OSV_API = 'https://api.osv.dev';
/** The API's documented maximum number of queries in one /v1/querybatch request. */
export const MAX_BATCH = 1000;

export interface OnlineOptions extends RetryPolicy {
  baseUrl?: string;
  /** Queries per /v1/querybatch request, at most 1000. */
  batchSize?: number;
  /** Parallel GET /v1/vulns/{id} requests. */
  concurrency?: number;
  /** One limit for everything a `query` call sends, retries and waits included. */
  timeoutMs?: number;
  /** Guards against a server that keeps handing out page tokens. */
  maxPages?: number;
}

const batchResponse = z.looseObject({
  results: z.array(
    z.looseObject({
      vulns: z.array(z.looseObject({ id: z.string().min(1) })).nullish(),
      next_page_token: z.string().nullish(),
    }),
  ),
});

interface Pending {
  index: number;
  pageToken?: string;
}

/**
 * The osv.dev API: /v1/querybatch for the ids affecting each package version (paginated per query with
 * `next_page_token`), then GET /v1/vulns/{id} for each record, at most `concurrency` at a time and each id once
 * per source (the cache lives as long as the source, which is one run).
 */
export function onlineSource(options: OnlineOptions = {}): VulnSource {
  const baseUrl = (options.baseUrl ?? OSV_API).replace(/\/+$/, '');
  const batchSize = Math.min(MAX_BATCH, Math.max(1, options.batchSize ?? MAX_BATCH));
  const concurrency = options.concurrency ?? 8;
  const timeoutMs = options.timeoutMs ?? 300_000;
  const maxPages = options.maxPages ?? 100;
  const details = new Map<string, Promise<{ record?: OsvRecord; problems: string[] }>>();

  async function ids(client: RetryingClient, queries: readonly PackageQuery[]): Promise<string[][]> {
    const found = queries.map(() => new Set<string>());
    let pending: Pending[] = queries.map((_, index) => ({ index }));
    for (let page = 0; pending.length > 0; page++) {
      if (page >= maxPages) throw new ServiceError(`osv.dev kept paginating after ${maxPages} pages`);
      const next: Pending[] = [];
      for (let start = 0; start < pending.length; start += batchSize) {
        const batch = pending.slice(start, start + batchSize);
        const body = {
          queries: batch.map((p) => {
            const q = queries[p.index] as PackageQuery;
            return { package: { name: q.name, ecosystem: q.ecosystem }, version: q.version, ...(p.pageToken ? { page_token: p.pageToken } : {}) };
          }),
        };
        const url = `${baseUrl}/v1/querybatch`;
        const raw = await client.json(url, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
        const parsed = batchResponse.safeParse(raw);
        if (!parsed.success || parsed.data.results.length !== batch.length) {
          throw new ServiceError(`osv.dev answered ${url} with an unexpected body (expected ${batch.length} results)`);
        }
        parsed.data.results.forEach((result, i) => {
          const p = batch[i] as Pending;
          for (const v of result.vulns ?? []) found[p.index]?.add(v.id);
          if (result.next_page_token) next.push({ index: p.index, pageToken: result.next_page_token });
        });
      }
      pending = next;
    }
    return found.map((s) => [...s]);
  }

  function detail(client: RetryingClient, id: string): Promise<{ record?: OsvRecord; problems: string[] }> {
    let cached = details.get(id);
    if (!cached) {
      cached = client.json(`${baseUrl}/v1/vulns/${encodeURIComponent(id)}`).then((raw) => {
        if (raw === undefined) return { problems: [`${id}: listed by /v1/querybatch but /v1/vulns answered 404`] };
        const result = parseOsvRecord(raw);
        if (!result.ok) return { problems: [`${id}: ${result.reason}`] };
        return { record: result.record, problems: result.skipped.map((s) => `${id}: ${s}`) };
      });
      // A failed request must not poison the cache for a later run of the same source.
      cached.catch(() => details.delete(id));
      details.set(id, cached);
    }
    return cached;
  }

  return {
    description: `osv.dev API (${baseUrl})`,
    async query(queries: readonly PackageQuery[]): Promise<SourceAnswer> {
      const client = new RetryingClient('osv.dev', Date.now() + timeoutMs, options);
      const perQuery = await ids(client, queries);
      const unique = [...new Set(perQuery.flat())].sort();
      const fetched = await mapLimit(unique, concurrency, (id) => detail(client, id));
      const byId = new Map<string, OsvRecord>();
      const problems: string[] = [];
      unique.forEach((id, i) => {
        const r = fetched[i];
        if (r?.record) byId.set(id, r.record);
        problems.push(...(r?.problems ?? []));
      });
      const records = perQuery.map((list) => list.map((id) => byId.get(id)).filter((r): r is OsvRecord => r !== undefined));
      return { records, problems };
    },
  };
}
