/**
 * The prefix that turns a repository path into a link to that file at the commit under review, for
 * the summary / PR comment. Values come from the CI environment; each is checked, because the
 * prefix is written into markdown links unescaped and a bad value must give no link rather than a
 * broken or misleading one.
 */
type Env = Readonly<Record<string, string | undefined>>;

const SHA = /^[0-9a-f]{40}$/i;
const GITHUB_REPO = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
/** Events whose commit under review is the PR head, not GITHUB_SHA (a merge commit or the base). */
const PR_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment', 'workflow_run']);

function sha(value: unknown): string | undefined {
  return typeof value === 'string' && SHA.test(value) ? value.toLowerCase() : undefined;
}

/** `https://host[:port][/path]` with nothing that could leave a markdown link or carry credentials. */
function webBase(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') return undefined;
  const path = url.pathname.replace(/\/+$/, '');
  if (!/^[A-Za-z0-9_.~%/-]*$/.test(path) || path.split('/').some((s) => s === '.' || s === '..')) return undefined;
  return `${url.origin}${path}`;
}

function field(obj: unknown, ...keys: string[]): unknown {
  let cur = obj;
  for (const k of keys) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

function readEvent(path: string | undefined, readFile: (path: string) => string): unknown {
  if (path === undefined || path === '') return undefined;
  try {
    return JSON.parse(readFile(path)) as unknown;
  } catch {
    return undefined;
  }
}

function githubHeadSha(env: Env, readFile: (path: string) => string): string | undefined {
  const event = readEvent(env['GITHUB_EVENT_PATH'], readFile);
  const prHead = field(event, 'pull_request', 'head', 'sha');
  if (prHead !== undefined) return sha(prHead);
  const runHead = field(event, 'workflow_run', 'head_sha');
  if (runHead !== undefined) return sha(runHead);
  // On a PR event GITHUB_SHA is not the head commit; a link to the wrong commit is worse than none.
  if (PR_EVENTS.has(env['GITHUB_EVENT_NAME'] ?? '')) return undefined;
  return sha(env['GITHUB_SHA']);
}

/**
 * `https://github.com/o/r/blob/<head sha>/` on GitHub Actions, `<project url>/-/blob/<sha>/` on
 * GitLab CI; undefined elsewhere or when a value is missing or malformed.
 */
export function sourceLinkBase(env: Env, readFile: (path: string) => string): string | undefined {
  if (env['GITHUB_ACTIONS'] === 'true') {
    const server = webBase(env['GITHUB_SERVER_URL']);
    const repo = env['GITHUB_REPOSITORY'];
    const head = githubHeadSha(env, readFile);
    if (server === undefined || repo === undefined || !GITHUB_REPO.test(repo) || head === undefined) return undefined;
    return `${server}/${repo}/blob/${head}/`;
  }
  if (env['GITLAB_CI'] === 'true') {
    const project = webBase(env['CI_PROJECT_URL']);
    const mrSha = env['CI_MERGE_REQUEST_SOURCE_BRANCH_SHA'];
    const head = sha(mrSha !== undefined && mrSha !== '' ? mrSha : env['CI_COMMIT_SHA']);
    if (project === undefined || head === undefined) return undefined;
    return `${project}/-/blob/${head}/`;
  }
  return undefined;
}
