import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GitlabCall {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: unknown;
  status: number;
}

export interface FakeNote {
  id: number;
  project: string;
  mergeRequestIid: number;
  body: string;
  system: boolean;
}

export interface FakeGitlab {
  /** Use as `CI_API_V4_URL`. */
  apiV4Url: string;
  calls: GitlabCall[];
  notes: FakeNote[];
  /** Answer every write with this status (a token without the api scope or role). */
  denyWrites: 401 | 403 | null;
  /** The next `times` requests fail with `status`. */
  failNext(status: number, times?: number): void;
  addNote(project: string, mergeRequestIid: number, body: string, system?: boolean): FakeNote;
  close(): Promise<void>;
}

/**
 * A fake of GitLab's merge request notes API (GET with `x-next-page` pagination, POST, PUT) on
 * 127.0.0.1. Projects are keyed by the id or path exactly as the client sent it (decoded).
 */
export async function startFakeGitlab(options: { token?: string } = {}): Promise<FakeGitlab> {
  let nextId = 500;
  const failures: { status: number; remaining: number }[] = [];
  const fake: FakeGitlab = {
    apiV4Url: '',
    calls: [],
    notes: [],
    denyWrites: null,
    failNext(status, times = 1) {
      failures.push({ status, remaining: times });
    },
    addNote(project, mergeRequestIid, body, system = false) {
      const n: FakeNote = { id: nextId++, project, mergeRequestIid, body, system };
      fake.notes.push(n);
      return n;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };

  type Reply = { status: number; body: unknown; headers?: Record<string, string> };
  const json = (n: FakeNote) => ({ id: n.id, body: n.body, system: n.system, noteable_type: 'MergeRequest', noteable_iid: n.mergeRequestIid });

  function route(method: string, path: string, query: Record<string, string>, body: unknown, headers: IncomingHttpHeaders): Reply {
    if (options.token !== undefined && headers['private-token'] !== options.token) return { status: 401, body: { message: '401 Unauthorized' } };
    const f = failures.find((x) => x.remaining > 0);
    if (f) {
      f.remaining--;
      return { status: f.status, body: { message: `${f.status} injected` } };
    }
    if (fake.denyWrites !== null && method !== 'GET') return { status: fake.denyWrites, body: { message: '403 Forbidden' } };
    const m = /^\/api\/v4\/projects\/([^/]+)\/merge_requests\/(\d+)\/notes(?:\/(\d+))?$/.exec(path);
    if (!m?.[1] || !m[2]) return { status: 404, body: { message: '404 Not Found' } };
    const project = decodeURIComponent(m[1]);
    const iid = Number(m[2]);
    const text = (body as { body?: unknown } | undefined)?.body;
    if (method === 'GET' && !m[3]) {
      const all = fake.notes.filter((n) => n.project === project && n.mergeRequestIid === iid);
      const perPage = Math.min(Number(query.per_page ?? 20) || 20, 100);
      const page = Math.max(Number(query.page ?? 1) || 1, 1);
      const more = page * perPage < all.length;
      return { status: 200, body: all.slice((page - 1) * perPage, page * perPage).map(json), headers: { 'x-next-page': more ? String(page + 1) : '', 'x-page': String(page) } };
    }
    if (method === 'POST' && !m[3]) {
      if (typeof text !== 'string' || text === '') return { status: 400, body: { message: 'body is missing' } };
      return { status: 201, body: json(fake.addNote(project, iid, text)) };
    }
    if (method === 'PUT' && m[3]) {
      const n = fake.notes.find((x) => x.id === Number(m[3]) && x.project === project && x.mergeRequestIid === iid);
      if (!n) return { status: 404, body: { message: '404 Not found' } };
      if (typeof text !== 'string' || text === '') return { status: 400, body: { message: 'body is missing' } };
      n.body = text;
      return { status: 200, body: json(n) };
    }
    return { status: 405, body: { message: '405 Method Not Allowed' } };
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = raw === '' ? undefined : (JSON.parse(raw) as unknown);
      } catch {
        body = raw;
      }
      const method = req.method ?? 'GET';
      const query = Object.fromEntries(url.searchParams);
      const reply = route(method, url.pathname, query, body, req.headers);
      fake.calls.push({ method, path: url.pathname, query, headers: req.headers, body, status: reply.status });
      res.writeHead(reply.status, { 'content-type': 'application/json', ...(reply.headers ?? {}) });
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.apiV4Url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v4`;
  return fake;
}
