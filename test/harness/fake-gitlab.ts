import { createServer, type IncomingHttpHeaders } from 'node:http';
import { readFileSync, readdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, relative, sep } from 'node:path';

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

export interface FakeJobArtifact {
  project: string;
  ref: string;
  job: string;
  path: string;
  content: string | Buffer;
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
  /** Artifacts of the latest successful pipeline per ref, served by `GET /projects/:id/jobs/artifacts/:ref/raw/*path?job=`. */
  artifacts: FakeJobArtifact[];
  /** Adds (or replaces) one artifact file. */
  addJobArtifact(a: FakeJobArtifact): void;
  /** Adds every file under `dir` as the artifacts of `job` on `ref`, paths relative to `dir`. */
  addJobArtifactsFrom(a: { project: string; ref: string; job: string; dir: string }): void;
  close(): Promise<void>;
}

/**
 * A fake of GitLab's merge request notes API (GET with `x-next-page` pagination, POST, PUT) on
 * 127.0.0.1. Projects are keyed by the id or path exactly as the client sent it (decoded).
 */
export async function startFakeGitlab(options: { token?: string; jobToken?: string } = {}): Promise<FakeGitlab> {
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
    artifacts: [],
    addJobArtifact(a) {
      const i = fake.artifacts.findIndex((x) => x.project === a.project && x.ref === a.ref && x.job === a.job && x.path === a.path);
      if (i >= 0) fake.artifacts.splice(i, 1);
      fake.artifacts.push(a);
    },
    addJobArtifactsFrom({ project, ref, job, dir }) {
      const walk = (d: string) => {
        for (const e of readdirSync(d, { withFileTypes: true })) {
          const full = join(d, e.name);
          if (e.isDirectory()) walk(full);
          else if (e.isFile()) fake.addJobArtifact({ project, ref, job, path: relative(dir, full).split(sep).join('/'), content: readFileSync(full) });
        }
      };
      walk(dir);
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

  type Reply = { status: number; body: unknown; headers?: Record<string, string>; raw?: Buffer };

  // The real endpoint takes PRIVATE-TOKEN, or JOB-TOKEN (on the tiers that allow it); notes take PRIVATE-TOKEN only.
  function artifact(path: string, query: Record<string, string>, headers: IncomingHttpHeaders): Reply | undefined {
    const m = /^\/api\/v4\/projects\/([^/]+)\/jobs\/artifacts\/([^/]+)\/raw\/(.+)$/.exec(path);
    if (!m?.[1] || !m[2] || !m[3]) return undefined;
    const byToken = options.token === undefined || headers['private-token'] === options.token;
    const byJob = options.jobToken !== undefined && headers['job-token'] === options.jobToken;
    if (!byToken && !byJob) return { status: 401, body: { message: '401 Unauthorized' } };
    const [project, ref, file] = [m[1], m[2], m[3]].map((s) => decodeURIComponent(s));
    const hit = fake.artifacts.find((a) => a.project === project && a.ref === ref && a.job === query.job && a.path === file);
    if (!hit) return { status: 404, body: { message: '404 Not Found' } };
    return { status: 200, body: undefined, raw: Buffer.from(hit.content), headers: { 'content-type': 'application/octet-stream' } };
  }

  const json = (n: FakeNote) => ({ id: n.id, body: n.body, system: n.system, noteable_type: 'MergeRequest', noteable_iid: n.mergeRequestIid });

  function route(method: string, path: string, query: Record<string, string>, body: unknown, headers: IncomingHttpHeaders): Reply {
    const isArtifact = method === 'GET' && /\/jobs\/artifacts\//.test(path);
    if (!isArtifact && options.token !== undefined && headers['private-token'] !== options.token) return { status: 401, body: { message: '401 Unauthorized' } };
    const f = failures.find((x) => x.remaining > 0);
    if (f) {
      f.remaining--;
      return { status: f.status, body: { message: `${f.status} injected` } };
    }
    const art = method === 'GET' ? artifact(path, query, headers) : undefined;
    if (art) return art;
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
      res.end(reply.raw ?? JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.apiV4Url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v4`;
  return fake;
}
