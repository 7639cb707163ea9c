import type { Logger } from '@rampart/core';
import { BudgetExhaustedError, OutOfScopeError, type HttpResponse, type ScopedHttp } from '../../http/client.js';
import type { Scope } from '../../scope.js';
import type { InjectionPoint } from '../types.js';
import { extractLinks, robotsPaths, sitemapUrls, type HtmlForm } from './html.js';
import { openapiOperations } from './openapi.js';

export interface CrawlOptions {
  target: string;
  maxDepth: number;
  /** At most this many new links are followed from one page. */
  maxChildren: number;
  openapiText?: string;
}

export interface CrawlResult {
  responses: HttpResponse[];
  points: InjectionPoint[];
  /** The crawl stopped because the request budget or the time ran out. */
  truncated: boolean;
}

interface Queued {
  url: string;
  depth: number;
}

function normalise(raw: string, base: string): string | undefined {
  try {
    const u = new URL(raw, base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    u.hash = '';
    return u.href;
  } catch {
    return undefined;
  }
}

function isHtml(r: HttpResponse): boolean {
  return /html/i.test(r.headers['content-type'] ?? '');
}

function queryPoints(url: string): InjectionPoint[] {
  const u = new URL(url);
  const params = Object.fromEntries(u.searchParams);
  return Object.keys(params).map((param) => ({ method: 'GET' as const, url: `${u.origin}${u.pathname}`, params, param }));
}

function formPoints(form: HtmlForm, pageUrl: string): InjectionPoint[] {
  const action = normalise(form.action || pageUrl, pageUrl);
  if (!action) return [];
  const params = Object.fromEntries(form.fields.map((f) => [f.name, f.value || (f.type === 'submit' ? 'Submit' : sampleValue(f.type))]));
  const base = form.method === 'GET' ? action.split('?')[0] ?? action : action;
  return form.fields
    .filter((f) => f.type !== 'submit' && (f.type !== 'hidden' || !/csrf|token|nonce/i.test(f.name)))
    .map((f) => ({ method: form.method, url: base, params, param: f.name, encoding: 'form' as const }));
}

/**
 * A value an empty field of this type accepts, so the server's validation of the other fields does not reject the
 * request a check builds around the one field it attacks.
 */
const SAMPLES: Record<string, string> = {
  number: '1', range: '1', email: 'rampart@example.com', url: 'https://example.com/', tel: '5555550100',
  date: '2024-01-01', 'datetime-local': '2024-01-01T12:00', month: '2024-01', week: '2024-W01', time: '12:00',
  color: '#000000', checkbox: 'on', radio: 'on',
};

function sampleValue(type: string): string {
  return SAMPLES[type] ?? 'rampart';
}

function pointKey(p: InjectionPoint): string {
  return `${p.method} ${p.url} ${p.param}`;
}

/**
 * Breadth-first crawl of the target within the scope: links, forms, robots.txt, sitemap.xml and OpenAPI paths.
 * Only in-scope URLs are queued at all; the scoped client would refuse the others anyway.
 */
export async function crawl(http: ScopedHttp, scope: Scope, o: CrawlOptions, logger: Logger): Promise<CrawlResult> {
  const origin = new URL(o.target).origin;
  const seen = new Set<string>();
  const queue: Queued[] = [];
  const responses: HttpResponse[] = [];
  const points = new Map<string, InjectionPoint>();
  let truncated = false;
  const enqueue = (raw: string, base: string, depth: number): boolean => {
    const url = normalise(raw, base);
    if (!url || seen.has(url) || !scope.inScope(url) || depth > o.maxDepth) return false;
    seen.add(url);
    queue.push({ url, depth });
    for (const p of queryPoints(url)) points.set(pointKey(p), p);
    return true;
  };
  enqueue(o.target, o.target, 0);
  enqueue('/robots.txt', origin, 1);
  enqueue('/sitemap.xml', origin, 1);
  for (const op of o.openapiText ? openapiOperations(o.openapiText) : []) {
    const url = new URL(op.path.replace(/^\/?/, '/'), origin);
    for (const [k, v] of Object.entries(op.query)) url.searchParams.set(k, v);
    if (op.method === 'GET') enqueue(url.href, origin, 1);
    else if (op.body) {
      for (const param of Object.keys(op.body)) points.set(`POST ${url.href} ${param}`, { method: 'POST', url: url.href, params: op.body, param, encoding: 'json' });
    }
  }
  for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
    let res: HttpResponse;
    try {
      res = await http.send({ method: 'GET', url: item.url });
    } catch (e) {
      if (e instanceof BudgetExhaustedError) {
        truncated = true;
        break;
      }
      if (e instanceof OutOfScopeError) continue;
      // One broken page does not end the crawl; a target that is down fails on its first page instead.
      if (responses.length === 0 && item.url === normalise(o.target, o.target)) throw e;
      logger.debug(`crawl: ${(e as Error).message}`);
      continue;
    }
    responses.push(res);
    const location = res.headers.location;
    if (res.status >= 300 && res.status < 400 && location) enqueue(location, item.url, item.depth);
    const path = new URL(item.url).pathname;
    if (path === '/robots.txt' && res.status === 200) for (const p of robotsPaths(res.body)) enqueue(p, origin, 1);
    if (path === '/sitemap.xml' && res.status === 200) for (const u of sitemapUrls(res.body)) enqueue(u, origin, 1);
    if (!isHtml(res)) continue;
    const page = extractLinks(res.body);
    let children = 0;
    for (const link of page.links) {
      if (children >= o.maxChildren) break;
      if (enqueue(link, item.url, item.depth + 1)) children++;
    }
    for (const form of page.forms) for (const p of formPoints(form, item.url)) if (scope.inScope(p.url)) points.set(pointKey(p), p);
  }
  return { responses, points: [...points.values()], truncated };
}
