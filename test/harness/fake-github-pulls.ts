// The fake GitHub's pull request endpoints: the pull request, its files (with patches) and its review
// comments, validated the way GitHub validates them, so code that comments off the diff fails here too.
import { message, type Reply, type RouteModule } from './fake-github-shared.js';

export interface FakePrFile {
  filename: string;
  /** added, removed, modified, renamed, copied, changed, unchanged; defaults to modified. */
  status?: string;
  /** The unified diff hunks; left out, as GitHub does for a file too large or binary. */
  patch?: string;
  previous_filename?: string;
}

export interface FakePullRequestSeed {
  owner: string;
  repo: string;
  number: number;
  headSha: string;
  headRef?: string;
  baseRef?: string;
  baseSha?: string;
  /** owner/repo of the head branch; a fork's name when `fork` is true. */
  headRepo?: string;
  fork?: boolean;
  files: FakePrFile[];
}

export interface FakePullRequest extends Required<Omit<FakePullRequestSeed, 'files'>> {
  files: FakePrFile[];
  state: 'open' | 'closed';
}

export interface FakeReviewComment {
  id: number;
  owner: string;
  repo: string;
  pullNumber: number;
  body: string;
  path: string;
  /** null for a comment on the whole file (`subject_type: 'file'`). */
  line: number | null;
  start_line: number | null;
  subject_type: 'line' | 'file';
  side: 'RIGHT' | 'LEFT';
  commit_id: string;
  user: { login: string; type: string };
  created_at: string;
}

/** Seeding methods and state the pull request endpoints add to the fake. */
export interface FakePulls {
  pullRequests: FakePullRequest[];
  reviewComments: FakeReviewComment[];
  /** Seeds a pull request; replaces one with the same owner/repo/number (a new push). */
  addPullRequest(pr: FakePullRequestSeed): void;
}

/** GitHub's PR files listing stops here. */
const FILES_LIMIT = 3000;

/** New-file line ranges of each hunk, read from the headers only: the fake's own reading, not the code under test's. */
function hunkRanges(patch: string | undefined): [number, number][] {
  const ranges: [number, number][] = [];
  for (const m of (patch ?? '').matchAll(/^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/gm)) {
    const start = Number(m[1]);
    const count = m[2] === undefined ? 1 : Number(m[2]);
    if (count > 0) ranges.push([start, start + count - 1]);
  }
  return ranges;
}

function countLines(patch: string | undefined, prefix: '+' | '-'): number {
  return (patch ?? '').split('\n').filter((l) => l.startsWith(prefix)).length;
}

function paged<T>(all: T[], query: Record<string, string>, pageUrl: (perPage: number, page: number) => string): Reply {
  const perPage = Math.min(Math.max(Number(query.per_page ?? 30) || 30, 1), 100);
  const page = Math.max(Number(query.page ?? 1) || 1, 1);
  const last = Math.max(Math.ceil(all.length / perPage), 1);
  const links: string[] = [];
  if (page < last) links.push(`<${pageUrl(perPage, page + 1)}>; rel="next"`, `<${pageUrl(perPage, last)}>; rel="last"`);
  if (page > 1) links.push(`<${pageUrl(perPage, 1)}>; rel="first"`, `<${pageUrl(perPage, page - 1)}>; rel="prev"`);
  const slice = all.slice((page - 1) * perPage, page * perPage) as unknown[];
  return { status: 200, body: slice, headers: links.length ? { link: links.join(', ') } : {} };
}

export function createFakePulls(baseUrl: () => string): { state: FakePulls; route: RouteModule } {
  let nextId = 5000;
  const state: FakePulls = {
    pullRequests: [],
    reviewComments: [],
    addPullRequest(seed) {
      const pr: FakePullRequest = {
        owner: seed.owner,
        repo: seed.repo,
        number: seed.number,
        headSha: seed.headSha,
        headRef: seed.headRef ?? `feature-${seed.number}`,
        baseRef: seed.baseRef ?? 'main',
        baseSha: seed.baseSha ?? '0'.repeat(40),
        headRepo: seed.headRepo ?? `${seed.owner}/${seed.repo}`,
        fork: seed.fork ?? false,
        files: seed.files.map((f) => ({ ...f })),
        state: 'open',
      };
      const i = state.pullRequests.findIndex((p) => p.owner === pr.owner && p.repo === pr.repo && p.number === pr.number);
      if (i >= 0) state.pullRequests.splice(i, 1, pr);
      else state.pullRequests.push(pr);
    },
  };

  const find = (owner: string, repo: string, n: number) =>
    state.pullRequests.find((p) => p.owner === owner && p.repo === repo && p.number === n);

  const prJson = (p: FakePullRequest) => ({
    url: `${baseUrl()}/repos/${p.owner}/${p.repo}/pulls/${p.number}`,
    html_url: `https://github.com/${p.owner}/${p.repo}/pull/${p.number}`,
    number: p.number,
    state: p.state,
    changed_files: p.files.length,
    head: { sha: p.headSha, ref: p.headRef, label: `${p.headRepo.split('/')[0]}:${p.headRef}`, repo: { full_name: p.headRepo, fork: p.fork } },
    base: { sha: p.baseSha, ref: p.baseRef, label: `${p.owner}:${p.baseRef}`, repo: { full_name: `${p.owner}/${p.repo}`, fork: false } },
  });

  const fileJson = (p: FakePullRequest, f: FakePrFile) => {
    const additions = countLines(f.patch, '+');
    const deletions = countLines(f.patch, '-');
    return {
      sha: p.headSha,
      filename: f.filename,
      status: f.status ?? 'modified',
      additions,
      deletions,
      changes: additions + deletions,
      blob_url: `https://github.com/${p.owner}/${p.repo}/blob/${p.headSha}/${f.filename}`,
      ...(f.patch !== undefined ? { patch: f.patch } : {}),
      ...(f.previous_filename !== undefined ? { previous_filename: f.previous_filename } : {}),
    };
  };

  const commentJson = (c: FakeReviewComment) => ({
    id: c.id,
    node_id: `PRRC_${c.id}`,
    url: `${baseUrl()}/repos/${c.owner}/${c.repo}/pulls/comments/${c.id}`,
    html_url: `https://github.com/${c.owner}/${c.repo}/pull/${c.pullNumber}#discussion_r${c.id}`,
    pull_request_url: `${baseUrl()}/repos/${c.owner}/${c.repo}/pulls/${c.pullNumber}`,
    body: c.body,
    path: c.path,
    line: c.line,
    original_line: c.line,
    start_line: c.start_line,
    side: c.side,
    start_side: c.start_line === null ? null : c.side,
    commit_id: c.commit_id,
    original_commit_id: c.commit_id,
    subject_type: c.subject_type,
    user: c.user,
    created_at: c.created_at,
    updated_at: c.created_at,
  });

  function createReviewComment(p: FakePullRequest, body: unknown): Reply {
    const b = (body ?? {}) as Record<string, unknown>;
    if (typeof b.body !== 'string' || b.body === '') return message(422, 'Validation Failed: body is missing');
    if (typeof b.path !== 'string') return message(422, 'Validation Failed: path is missing');
    if (b.commit_id !== p.headSha) return message(422, 'Validation Failed: commit_id is not part of the pull request');
    const file = p.files.find((f) => f.filename === b.path);
    if (b.subject_type === 'file') {
      if (!file) return message(422, 'Validation Failed: path is not part of the pull request');
      return { status: 201, body: commentJson(record(p, b.body, b.path, null, null, 'RIGHT')) };
    }
    if (typeof b.line !== 'number' || !Number.isInteger(b.line)) return message(422, 'Validation Failed: line is missing');
    const side = b.side === undefined ? 'RIGHT' : b.side;
    if (side !== 'RIGHT' && side !== 'LEFT') return message(422, 'Validation Failed: side must be LEFT or RIGHT');
    const hunk = hunkRanges(file?.patch).find(([s, e]) => (b.line as number) >= s && (b.line as number) <= e);
    if (side !== 'RIGHT' || !hunk) return message(422, 'Validation Failed: pull_request_review_thread.line must be part of the diff');
    const start = b.start_line;
    if (start !== undefined && start !== null) {
      if (typeof start !== 'number' || start >= b.line) return message(422, 'Validation Failed: pull_request_review_thread.start_line must precede the end line');
      if (start < hunk[0]) return message(422, 'Validation Failed: pull_request_review_thread.start_line must be part of the same hunk as the line');
    }
    return { status: 201, body: commentJson(record(p, b.body, b.path, b.line, typeof start === 'number' ? start : null, side)) };
  }

  function record(p: FakePullRequest, body: string, path: string, line: number | null, start: number | null, side: 'RIGHT' | 'LEFT'): FakeReviewComment {
    const c: FakeReviewComment = {
      id: nextId++,
      owner: p.owner,
      repo: p.repo,
      pullNumber: p.number,
      body,
      path,
      line,
      start_line: start,
      subject_type: line === null ? 'file' : 'line',
      side,
      commit_id: p.headSha,
      user: { login: 'github-actions[bot]', type: 'Bot' },
      created_at: new Date().toISOString(),
    };
    state.reviewComments.push(c);
    return c;
  }

  const route: RouteModule = (method, path, query, body) => {
    const m = /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)(\/files|\/comments)?$/.exec(path);
    if (!m?.[1] || !m[2] || !m[3]) return undefined;
    const [owner, repo, n, sub] = [m[1], m[2], Number(m[3]), m[4]];
    const p = find(owner, repo, n);
    if (!p) return message(404, 'Not Found');
    const base = `${baseUrl()}/repos/${owner}/${repo}/pulls/${n}`;
    if (sub === undefined && method === 'GET') return { status: 200, body: prJson(p) };
    if (sub === '/files' && method === 'GET') {
      const files = p.files.slice(0, FILES_LIMIT).map((f) => fileJson(p, f));
      return paged(files, query, (pp, pg) => `${base}/files?per_page=${pp}&page=${pg}`);
    }
    if (sub === '/comments' && method === 'GET') {
      const all = state.reviewComments.filter((c) => c.owner === owner && c.repo === repo && c.pullNumber === n).map(commentJson);
      return paged(all, query, (pp, pg) => `${base}/comments?per_page=${pp}&page=${pg}`);
    }
    if (sub === '/comments' && method === 'POST') return createReviewComment(p, body);
    return undefined;
  };

  return { state, route };
}
