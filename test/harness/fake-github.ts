import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

/** One request as the fake saw it. */
export interface RecordedCall {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, or the raw text when it is not JSON, or undefined when empty. */
  body: unknown;
  /** The status the fake answered with. */
  status: number;
}

export interface FakeComment {
  id: number;
  owner: string;
  repo: string;
  issueNumber: number;
  body: string;
  user: { login: string; type: string };
  created_at: string;
  updated_at: string;
}

export interface FakeSarifUpload {
  id: string;
  owner: string;
  repo: string;
  /** The request body as sent (`sarif` still gzip+base64). */
  body: Record<string, unknown>;
  /** `body.sarif` decoded (base64 -> gunzip) back to text. */
  sarifText: string;
}

export interface FakeSnapshot {
  id: number;
  owner: string;
  repo: string;
  body: Record<string, unknown>;
}

interface Failure {
  status: number;
  remaining: number;
  match: RegExp | undefined;
  headers: Record<string, string>;
  message: string;
}

export interface FakeGithub extends FakeActions, FakePulls {
  /** Base URL to use as `GITHUB_API_URL`. */
  url: string;
  calls: RecordedCall[];
  comments: FakeComment[];
  sarifs: FakeSarifUpload[];
  /** Dependency snapshots accepted by POST …/dependency-graph/snapshots. */
  snapshots: FakeSnapshot[];
  /** Answer every write (POST/PATCH/PUT/DELETE) with this status, as GitHub does for a fork PR's token. */
  denyWrites: 403 | 404 | null;
  /** The next `times` requests (matching `path`, if given) fail with `status`. */
  failNext(status: number, options?: { times?: number; path?: RegExp }): void;
  /** The next request answers as a primary (`x-ratelimit-remaining: 0`) or secondary rate limit. */
  rateLimitNext(kind: 'primary' | 'secondary', options?: { path?: RegExp }): void;
  /** Seeds a comment, as if someone (or an earlier run) had written it. */
  addComment(owner: string, repo: string, issueNumber: number, body: string, login?: string): FakeComment;
  close(): Promise<void>;
}

export interface FakeGithubOptions {
  /** When set, requests without `authorization: token <this>` get 401. */
  token?: string;
}

import { createFakeActions, type FakeActions } from './fake-github-actions.js';
import { createFakePulls, type FakePulls } from './fake-github-pulls.js';
import { message, type Reply } from './fake-github-shared.js';

/** GitHub answers 422 for an issue comment body over 65,536 characters. */
const COMMENT_LIMIT = 65_536;

function send(res: ServerResponse, reply: Reply): void {
  if (reply.raw) {
    res.writeHead(reply.status, { 'content-type': 'application/zip', ...(reply.headers ?? {}) });
    res.end(reply.raw);
    return;
  }
  const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
  res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...(reply.headers ?? {}) });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}


/**
 * A fake of the few GitHub REST endpoints Rampart uses, on 127.0.0.1 with an ephemeral port. It keeps
 * state (comments, uploads) so a test can run an action twice and see an update rather than a duplicate.
 */
export async function startFakeGithub(options: FakeGithubOptions = {}): Promise<FakeGithub> {
  const failures: Failure[] = [];
  let nextCommentId = 1000;
  let baseUrl = '';
  const actions = createFakeActions(() => baseUrl);
  const pulls = createFakePulls(() => baseUrl);

  const commentJson = (c: FakeComment) => ({
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${baseUrl}/repos/${c.owner}/${c.repo}/issues/comments/${c.id}`,
    html_url: `https://github.com/${c.owner}/${c.repo}/pull/${c.issueNumber}#issuecomment-${c.id}`,
    issue_url: `${baseUrl}/repos/${c.owner}/${c.repo}/issues/${c.issueNumber}`,
    body: c.body,
    user: c.user,
    created_at: c.created_at,
    updated_at: c.updated_at,
  });

  const fake: FakeGithub = {
    ...actions.state,
    ...pulls.state,
    url: '',
    calls: [],
    comments: [],
    sarifs: [],
    snapshots: [],
    denyWrites: null,
    failNext(status, o = {}) {
      failures.push({ status, remaining: o.times ?? 1, match: o.path, headers: {}, message: 'Server Error' });
    },
    rateLimitNext(kind, o = {}) {
      const headers: Record<string, string> =
        kind === 'primary'
          ? { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 1) }
          : { 'retry-after': '1' };
      const text = kind === 'primary' ? 'API rate limit exceeded' : 'You have exceeded a secondary rate limit.';
      failures.push({ status: 403, remaining: 1, match: o.path, headers, message: text });
    },
    addComment(owner, repo, issueNumber, body, login = 'someone') {
      const now = new Date().toISOString();
      const c: FakeComment = { id: nextCommentId++, owner, repo, issueNumber, body, user: { login, type: 'User' }, created_at: now, updated_at: now };
      fake.comments.push(c);
      return c;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        // Clients keep connections alive; without this, close() waits for their idle timeout.
        server.closeAllConnections();
      }),
  };

  function listComments(owner: string, repo: string, n: number, query: Record<string, string>): Reply {
    const all = fake.comments.filter((c) => c.owner === owner && c.repo === repo && c.issueNumber === n);
    const perPage = Math.min(Math.max(Number(query.per_page ?? 30) || 30, 1), 100);
    const page = Math.max(Number(query.page ?? 1) || 1, 1);
    const last = Math.max(Math.ceil(all.length / perPage), 1);
    const pageUrl = (p: number) => `${baseUrl}/repos/${owner}/${repo}/issues/${n}/comments?per_page=${perPage}&page=${p}`;
    const links: string[] = [];
    if (page < last) links.push(`<${pageUrl(page + 1)}>; rel="next"`, `<${pageUrl(last)}>; rel="last"`);
    if (page > 1) links.push(`<${pageUrl(1)}>; rel="first"`, `<${pageUrl(page - 1)}>; rel="prev"`);
    const slice = all.slice((page - 1) * perPage, page * perPage).map(commentJson);
    return { status: 200, body: slice, headers: links.length ? { link: links.join(', ') } : {} };
  }

  function createComment(owner: string, repo: string, n: number, body: unknown): Reply {
    const text = (body as { body?: unknown } | undefined)?.body;
    if (typeof text !== 'string' || text === '') return message(422, 'Validation Failed: body is missing');
    if (text.length > COMMENT_LIMIT) return message(422, 'Validation Failed: body is too long (maximum is 65536 characters)');
    const c = fake.addComment(owner, repo, n, text, 'github-actions[bot]');
    c.user.type = 'Bot';
    return { status: 201, body: commentJson(c) };
  }

  function updateComment(owner: string, repo: string, id: number, body: unknown): Reply {
    const c = fake.comments.find((x) => x.owner === owner && x.repo === repo && x.id === id);
    if (!c) return message(404, 'Not Found');
    const text = (body as { body?: unknown } | undefined)?.body;
    if (typeof text !== 'string' || text === '') return message(422, 'Validation Failed: body is missing');
    if (text.length > COMMENT_LIMIT) return message(422, 'Validation Failed: body is too long (maximum is 65536 characters)');
    c.body = text;
    c.updated_at = new Date().toISOString();
    return { status: 200, body: commentJson(c) };
  }

  function uploadSarif(owner: string, repo: string, body: unknown): Reply {
    const b = (body ?? {}) as Record<string, unknown>;
    if (typeof b.commit_sha !== 'string' || !/^[0-9a-f]{40}$/.test(b.commit_sha)) return message(422, 'commit_sha is not a 40 character sha');
    if (typeof b.ref !== 'string' || !b.ref.startsWith('refs/')) return message(422, 'ref is not a full ref');
    if (typeof b.sarif !== 'string') return message(422, 'sarif is missing');
    let sarifText: string;
    try {
      sarifText = gunzipSync(Buffer.from(b.sarif, 'base64')).toString('utf8');
    } catch {
      return message(400, 'sarif is not gzip + base64');
    }
    const id = randomUUID();
    fake.sarifs.push({ id, owner, repo, body: b, sarifText });
    return { status: 202, body: { id, url: `${baseUrl}/repos/${owner}/${repo}/code-scanning/sarifs/${id}` } };
  }

  function getSarif(owner: string, repo: string, id: string): Reply {
    const s = fake.sarifs.find((x) => x.owner === owner && x.repo === repo && x.id === id);
    if (!s) return message(404, 'Not Found');
    return { status: 200, body: { processing_status: 'complete', analyses_url: `${baseUrl}/repos/${owner}/${repo}/code-scanning/analyses?sarif_id=${id}` } };
  }

  /** The checks GitHub documents for a snapshot: a 40-character sha, a full ref, job, detector and manifests. */
  function snapshotProblem(b: Record<string, unknown>): string | undefined {
    if (b.version !== 0) return 'version must be 0';
    if (typeof b.sha !== 'string' || !/^[0-9a-f]{40}$/.test(b.sha)) return 'sha is not a 40 character sha';
    if (typeof b.ref !== 'string' || !b.ref.startsWith('refs/')) return 'ref is not a full ref';
    const job = b.job as Record<string, unknown> | undefined;
    if (typeof job?.correlator !== 'string' || typeof job.id !== 'string') return 'job.correlator and job.id are required strings';
    const det = b.detector as Record<string, unknown> | undefined;
    if (typeof det?.name !== 'string' || typeof det.version !== 'string' || typeof det.url !== 'string') return 'detector needs name, version and url';
    if (typeof b.scanned !== 'string' || Number.isNaN(Date.parse(b.scanned))) return 'scanned is not a date-time';
    const manifests = b.manifests as Record<string, { name?: unknown; resolved?: Record<string, Record<string, unknown>> }> | undefined;
    for (const [key, m] of Object.entries(manifests ?? {})) {
      if (typeof m.name !== 'string') return `manifests.${key}.name is required`;
      for (const [dep, d] of Object.entries(m.resolved ?? {})) {
        if (typeof d.package_url !== 'string' || !d.package_url.startsWith('pkg:')) return `manifests.${key}.resolved.${dep}.package_url is not a purl`;
        if (d.relationship !== undefined && d.relationship !== 'direct' && d.relationship !== 'indirect') return `bad relationship for ${dep}`;
        if (d.scope !== undefined && d.scope !== 'runtime' && d.scope !== 'development') return `bad scope for ${dep}`;
        if (d.dependencies !== undefined && !Array.isArray(d.dependencies)) return `dependencies of ${dep} is not an array`;
      }
    }
    return undefined;
  }

  function createSnapshot(owner: string, repo: string, body: unknown): Reply {
    const b = (body ?? {}) as Record<string, unknown>;
    const problem = snapshotProblem(b);
    if (problem) return message(422, `Invalid request: ${problem}`);
    const id = fake.snapshots.length + 1;
    fake.snapshots.push({ id, owner, repo, body: b });
    return { status: 201, body: { id, created_at: new Date().toISOString(), result: 'SUCCESS', message: 'Dependency results for the repo have been successfully updated.' } };
  }

  function route(method: string, path: string, query: Record<string, string>, body: unknown): Reply {
    const extra = actions.route(method, path, query, body) ?? pulls.route(method, path, query, body);
    if (extra) return extra;
    let m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(path);
    if (m?.[1] && m[2] && m[3]) {
      if (method === 'GET') return listComments(m[1], m[2], Number(m[3]), query);
      if (method === 'POST') return createComment(m[1], m[2], Number(m[3]), body);
    }
    m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(path);
    if (m?.[1] && m[2] && m[3] && method === 'PATCH') return updateComment(m[1], m[2], Number(m[3]), body);
    m = /^\/repos\/([^/]+)\/([^/]+)\/code-scanning\/sarifs$/.exec(path);
    if (m?.[1] && m[2] && method === 'POST') return uploadSarif(m[1], m[2], body);
    m = /^\/repos\/([^/]+)\/([^/]+)\/code-scanning\/sarifs\/([^/]+)$/.exec(path);
    if (m?.[1] && m[2] && m[3] && method === 'GET') return getSarif(m[1], m[2], m[3]);
    m = /^\/repos\/([^/]+)\/([^/]+)\/dependency-graph\/snapshots$/.exec(path);
    if (m?.[1] && m[2] && method === 'POST') return createSnapshot(m[1], m[2], body);
    return message(404, 'Not Found');
  }

  function injected(method: string, path: string, headers: IncomingHttpHeaders): Reply | undefined {
    // The blob store behind artifact downloads takes a signed URL, never the API token.
    if (options.token !== undefined && !path.startsWith('/_blobs/') && headers.authorization !== `token ${options.token}`) return message(401, 'Bad credentials');
    const f = failures.find((x) => x.remaining > 0 && (!x.match || x.match.test(path)));
    if (f) {
      f.remaining--;
      return { ...message(f.status, f.message), headers: f.headers };
    }
    if (fake.denyWrites !== null && method !== 'GET' && method !== 'HEAD') {
      return message(fake.denyWrites, fake.denyWrites === 403 ? 'Resource not accessible by integration' : 'Not Found');
    }
    return undefined;
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', baseUrl);
      const method = req.method ?? 'GET';
      const body = await readBody(req);
      const query = Object.fromEntries(url.searchParams);
      const reply = injected(method, url.pathname, req.headers) ?? route(method, url.pathname, query, body);
      fake.calls.push({ method, path: url.pathname, query, headers: req.headers, body, status: reply.status });
      send(res, reply);
    })().catch((e: unknown) => send(res, message(500, `fake-github bug: ${String(e)}`)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.url = baseUrl;
  return fake;
}
