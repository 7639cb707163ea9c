// The fake GitHub's Actions endpoints (workflow runs, run artifacts, artifact download).
import { message, type Reply, type RouteModule } from './fake-github-shared.js';

export interface FakeWorkflowRun {
  id: number;
  owner: string;
  repo: string;
  workflowFile: string;
  branch: string;
  event: string;
  conclusion: 'success' | 'failure';
  headSha: string;
  createdAt: string;
}

export interface FakeRunArtifact {
  id: number;
  owner: string;
  repo: string;
  runId: number;
  name: string;
  zip: Buffer;
  expired: boolean;
  createdAt: string;
}

/** Seeding methods and state the Actions endpoints add to the fake. */
export interface FakeActions {
  workflowRuns: FakeWorkflowRun[];
  runArtifacts: FakeRunArtifact[];
  addWorkflowRun(r: {
    owner: string; repo: string; workflowFile: string; branch: string; event: string;
    conclusion: 'success' | 'failure'; headSha: string; id?: number; createdAt?: string;
  }): { id: number };
  addRunArtifact(a: { owner: string; repo: string; runId: number; name: string; zip: Buffer; expired?: boolean }): { id: number };
}

/** Where artifact downloads are redirected to, like GitHub's blob storage; a test checks no token reaches it. */
export const BLOB_PATH_PREFIX = '/_blobs/';

function page<T>(all: readonly T[], query: Record<string, string>): { slice: T[]; page: number; last: number; perPage: number } {
  const perPage = Math.min(Math.max(Number(query.per_page ?? 30) || 30, 1), 100);
  const p = Math.max(Number(query.page ?? 1) || 1, 1);
  const last = Math.max(Math.ceil(all.length / perPage), 1);
  return { slice: all.slice((p - 1) * perPage, p * perPage), page: p, last, perPage };
}

function linkHeader(url: (p: number) => string, p: number, last: number): Record<string, string> {
  const links: string[] = [];
  if (p < last) links.push(`<${url(p + 1)}>; rel="next"`, `<${url(last)}>; rel="last"`);
  if (p > 1) links.push(`<${url(1)}>; rel="first"`, `<${url(p - 1)}>; rel="prev"`);
  return links.length ? { link: links.join(', ') } : {};
}

export function createFakeActions(baseUrl: () => string): { state: FakeActions; route: RouteModule } {
  let nextRunId = 4700;
  let nextArtifactId = 9100;
  let clock = Date.parse('2026-11-01T00:00:00Z');
  const stamp = () => new Date((clock += 60_000)).toISOString();
  const state: FakeActions = {
    workflowRuns: [],
    runArtifacts: [],
    addWorkflowRun(r) {
      const id = r.id ?? nextRunId++;
      state.workflowRuns.push({ ...r, id, createdAt: r.createdAt ?? stamp() });
      return { id };
    },
    addRunArtifact(a) {
      const id = nextArtifactId++;
      state.runArtifacts.push({ ...a, id, expired: a.expired ?? false, createdAt: stamp() });
      return { id };
    },
  };

  const runJson = (r: FakeWorkflowRun) => ({
    id: r.id,
    name: r.workflowFile.replace(/\.ya?ml$/, ''),
    path: `.github/workflows/${r.workflowFile}`,
    head_branch: r.branch,
    head_sha: r.headSha,
    event: r.event,
    status: 'completed',
    conclusion: r.conclusion,
    created_at: r.createdAt,
    html_url: `https://github.com/${r.owner}/${r.repo}/actions/runs/${r.id}`,
  });
  const artifactJson = (a: FakeRunArtifact) => {
    const run = state.workflowRuns.find((r) => r.id === a.runId);
    return {
      id: a.id,
      name: a.name,
      size_in_bytes: a.zip.length,
      expired: a.expired,
      created_at: a.createdAt,
      archive_download_url: `${baseUrl()}/repos/${a.owner}/${a.repo}/actions/artifacts/${a.id}/zip`,
      workflow_run: { id: a.runId, head_sha: run?.headSha ?? null, head_branch: run?.branch ?? null },
    };
  };

  function listRuns(owner: string, repo: string, file: string, query: Record<string, string>): Reply {
    const all = state.workflowRuns
      .filter((r) => r.owner === owner && r.repo === repo && r.workflowFile === file)
      .filter((r) => !query.branch || r.branch === query.branch)
      .filter((r) => !query.event || r.event === query.event)
      // `status` takes a conclusion too (success, failure) or the run status (completed).
      .filter((r) => !query.status || query.status === 'completed' || r.conclusion === query.status)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
    const p = page(all, query);
    const url = (n: number) => {
      const q = new URLSearchParams({ ...query, per_page: String(p.perPage), page: String(n) });
      return `${baseUrl()}/repos/${owner}/${repo}/actions/workflows/${file}/runs?${q.toString()}`;
    };
    return { status: 200, body: { total_count: all.length, workflow_runs: p.slice.map(runJson) }, headers: linkHeader(url, p.page, p.last) };
  }

  function listArtifacts(owner: string, repo: string, runId: number, query: Record<string, string>): Reply {
    if (!state.workflowRuns.some((r) => r.owner === owner && r.repo === repo && r.id === runId)) return message(404, 'Not Found');
    const all = state.runArtifacts
      .filter((a) => a.owner === owner && a.repo === repo && a.runId === runId)
      .filter((a) => !query.name || a.name === query.name);
    const p = page(all, query);
    return { status: 200, body: { total_count: all.length, artifacts: p.slice.map(artifactJson) } };
  }

  function download(owner: string, repo: string, id: number): Reply {
    const a = state.runArtifacts.find((x) => x.owner === owner && x.repo === repo && x.id === id);
    if (!a) return message(404, 'Not Found');
    if (a.expired) return message(410, 'Artifact has expired');
    return { status: 302, headers: { location: `${baseUrl()}${BLOB_PATH_PREFIX}${a.id}?sig=fake-signature` } };
  }

  function blob(id: number): Reply {
    const a = state.runArtifacts.find((x) => x.id === id);
    return a ? { status: 200, raw: a.zip } : message(404, 'BlobNotFound');
  }

  const route: RouteModule = (method, path, query) => {
    if (method !== 'GET') return undefined;
    let m = /^\/repos\/([^/]+)\/([^/]+)\/actions\/workflows\/([^/]+)\/runs$/.exec(path);
    if (m?.[1] && m[2] && m[3]) return listRuns(m[1], m[2], decodeURIComponent(m[3]), query);
    m = /^\/repos\/([^/]+)\/([^/]+)\/actions\/runs\/(\d+)\/artifacts$/.exec(path);
    if (m?.[1] && m[2] && m[3]) return listArtifacts(m[1], m[2], Number(m[3]), query);
    m = /^\/repos\/([^/]+)\/([^/]+)\/actions\/artifacts\/(\d+)\/zip$/.exec(path);
    if (m?.[1] && m[2] && m[3]) return download(m[1], m[2], Number(m[3]));
    m = /^\/_blobs\/(\d+)$/.exec(path);
    if (m?.[1]) return blob(Number(m[1]));
    return undefined;
  };
  return { state, route };
}
