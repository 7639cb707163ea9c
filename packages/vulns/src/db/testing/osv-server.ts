import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { baseEcosystem, normalizeName } from '../../osv/ecosystem.js';
import { buildZip } from '@rampart/core';

/*
 * An OSV-compatible HTTP server on 127.0.0.1 for tests: /v1/querybatch, /v1/vulns/{id} and the bucket's
 * /<Ecosystem>/all.zip, over records given as JSON. Querybatch answers with every record naming the package in
 * that ecosystem (a superset of what osv.dev returns, which also filters by version): the client re-evaluates
 * every range itself, so the tests check that it does.
 */

type Json = Record<string, unknown>;

export interface ScriptedResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface OsvTestServer {
  url: string;
  /** Method and path of every request, in order. */
  requests: { method: string; path: string; body?: unknown }[];
  /** Answers the next requests to `path` with these responses before serving normally. */
  script(path: string, responses: ScriptedResponse[]): void;
  /** Records per querybatch page; a query with more ids gets `next_page_token`. Infinity by default. */
  pageSize: number;
  /** Delay before answering /v1/vulns/{id}, so concurrent requests overlap. */
  detailDelayMs: number;
  /** Most /v1/vulns/{id} requests seen in flight at once. */
  maxInFlight: number;
  close(): Promise<void>;
}

interface RawAffected {
  package?: { ecosystem?: unknown; name?: unknown };
}

const affectedOf = (record: Json): RawAffected[] => (Array.isArray(record['affected']) ? (record['affected'] as RawAffected[]) : []);

function names(record: Json): { base: string; name: string }[] {
  return affectedOf(record).flatMap((a) => {
    const eco = a.package?.ecosystem;
    const name = a.package?.name;
    return typeof eco === 'string' && typeof name === 'string' ? [{ base: baseEcosystem(eco), name: normalizeName(eco, name) }] : [];
  });
}

async function bodyOf(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  res.writeHead(status, { 'content-type': Buffer.isBuffer(body) ? 'application/zip' : 'application/json', ...headers });
  res.end(payload);
}

interface BatchQuery {
  package?: { name?: string; ecosystem?: string };
  page_token?: string;
}

function querybatch(records: readonly Json[], body: unknown, pageSize: number): unknown {
  const queries = ((body as { queries?: BatchQuery[] } | undefined)?.queries ?? []) as BatchQuery[];
  if (queries.length > 1000) return { error: 'too many queries' };
  return {
    results: queries.map((q) => {
      const eco = q.package?.ecosystem ?? '';
      const key = normalizeName(eco, q.package?.name ?? '');
      const hits = records
        .filter((r) => names(r).some((n) => n.base === baseEcosystem(eco) && n.name === key))
        .map((r) => ({ id: r['id'], modified: r['modified'] ?? '2024-01-01T00:00:00Z' }));
      const start = q.page_token ? Number(Buffer.from(q.page_token, 'base64').toString('utf8')) : 0;
      const page = hits.slice(start, start + pageSize);
      const more = start + pageSize < hits.length;
      return { vulns: page, ...(more ? { next_page_token: Buffer.from(String(start + pageSize)).toString('base64') } : {}) };
    }),
  };
}

/** The archive of every record with an affected package in `ecosystem`, one `<id>.json` per record. */
export function archiveOf(records: readonly Json[], ecosystem: string): Buffer {
  const inEcosystem = records.filter((r) => names(r).some((n) => n.base === ecosystem));
  return buildZip(inEcosystem.map((r) => ({ name: `${String(r['id'])}.json`, data: JSON.stringify(r, null, 2) })));
}

export async function startOsvServer(records: readonly Json[]): Promise<OsvTestServer> {
  const scripts = new Map<string, ScriptedResponse[]>();
  let inFlight = 0;
  const state: OsvTestServer = {
    url: '',
    requests: [],
    pageSize: Number.POSITIVE_INFINITY,
    detailDelayMs: 0,
    maxInFlight: 0,
    script: (path, responses) => scripts.set(path, [...(scripts.get(path) ?? []), ...responses]),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const body = req.method === 'POST' ? await bodyOf(req) : undefined;
      state.requests.push({ method: req.method ?? 'GET', path, ...(body !== undefined ? { body } : {}) });
      const scripted = scripts.get(path)?.shift();
      if (scripted) return send(res, scripted.status, scripted.body ?? '{}', scripted.headers);
      if (req.method === 'POST' && path === '/v1/querybatch') return send(res, 200, querybatch(records, body, state.pageSize));
      const vuln = /^\/v1\/vulns\/(.+)$/.exec(path);
      if (req.method === 'GET' && vuln) {
        inFlight++;
        state.maxInFlight = Math.max(state.maxInFlight, inFlight);
        await new Promise((resolve) => setTimeout(resolve, state.detailDelayMs));
        inFlight--;
        const record = records.find((r) => r['id'] === vuln[1]);
        return record ? send(res, 200, record) : send(res, 404, { code: 5, message: 'Bug not found.' });
      }
      const zip = /^\/([^/]+)\/all\.zip$/.exec(path);
      if (req.method === 'GET' && zip?.[1]) {
        const archive = archiveOf(records, zip[1]);
        return send(res, archive.length > 22 ? 200 : 404, archive.length > 22 ? archive : 'no such ecosystem');
      }
      send(res, 404, { message: 'not found' });
    })().catch((e: unknown) => send(res, 500, { message: String(e) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}
