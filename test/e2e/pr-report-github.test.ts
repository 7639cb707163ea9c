import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alpineImage } from '../../packages/cli/test/support/alpine-image.js';
import { scanIac } from '../../packages/iac/src/index.js';
import type { OsvTestServer } from '../../packages/vulns/src/db/testing/osv-server.js';
import { startFakeGithub, type FakeGithub } from '../harness/fake-github.js';
import { DEFAULT_TOKEN } from '../harness/github-runner.js';
import { runWorkflow, type RunWorkflowOptions, type WorkflowResult } from '../harness/workflow-runner.js';
import { ROOT, requireBuilt } from './paths.js';
import { actionCopy, startRealOsv } from './support.js';

const EXAMPLES = resolve(ROOT, 'examples/workflows');
const SECURITY = join(EXAMPLES, 'security.yml');
const STAGE_TWO = join(EXAMPLES, 'security-report.yml');
const PROJECT = resolve(ROOT, 'test/fixtures/pr-report/project');
const SCANNERS = ['sast', 'sbom', 'dependency-scan', 'container-scan', 'dast', 'report'];

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' }).trim();

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

/** The PR files API entries for base..head, with the hunks GitHub puts in `patch`. */
function prFiles(repo: string, base: string, head: string): { filename: string; status: string; patch: string }[] {
  const statuses: Record<string, string> = { A: 'added', M: 'modified', D: 'removed' };
  return git(repo, 'diff', '--name-status', base, head)
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [s = 'M', filename = ''] = line.split('\t');
      const diff = git(repo, 'diff', '--unified=3', base, head, '--', filename);
      return { filename, status: statuses[s] ?? 'modified', patch: diff.slice(diff.indexOf('@@')) };
    });
}

const temps: string[] = [];
const tempDir = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  temps.push(d);
  return d;
};

let github: FakeGithub;
let osv: OsvTestServer;
let repo: string;
let vars: Record<string, string>;
/** `uses:` of the workflows -> a copy of the action folder alone, as the runner checks it out with nothing installed. */
const actions: Record<string, string> = {};
const shas: Record<'base' | 'v1' | 'v2', string> = { base: '', v1: '', v2: '' };

beforeAll(async () => {
  for (const a of SCANNERS) {
    requireBuilt(join(ROOT, 'actions', a, 'dist/index.js'));
    const copy = actionCopy(a);
    temps.push(copy);
    actions[`<owner>/rampart/actions/${a}@v1`] = copy;
    actions[`./actions/${a}`] = copy;
  }
  osv = await startRealOsv();
  github = await startFakeGithub({ token: DEFAULT_TOKEN });
  const image = tempDir('rampart-image-');
  vars = { OSV_URL: osv.url, IMAGE_TAR: await alpineImage(image), APP_PORT: String(await freePort()) };

  // One checkout moved between commits, as the same repository is checked out in every run.
  repo = tempDir('rampart-pr-repo-');
  cpSync(join(PROJECT, 'base'), repo, { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'base');
  shas.base = git(repo, 'rev-parse', 'HEAD');
  git(repo, 'checkout', '-qb', 'feature');
  writeFileSync(join(repo, 'README.md'), '# Shop\n\nA small shop.\n');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'v1: docs only');
  shas.v1 = git(repo, 'rev-parse', 'HEAD');
  cpSync(join(PROJECT, 'head'), repo, { recursive: true });
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'v2: fix the shell call, add plugins');
  shas.v2 = git(repo, 'rev-parse', 'HEAD');
}, 60_000);

afterAll(async () => {
  await github?.close();
  await osv?.close();
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

function checkout(sha: string): void {
  git(repo, 'checkout', '-q', sha);
  // A fresh runner: nothing left from the previous run.
  git(repo, 'clean', '-qfdx');
}

function seedPullRequest(n: number, head: 'v1' | 'v2', fork = false): void {
  github.addPullRequest({
    owner: 'acme', repo: 'shop', number: n, headSha: shas[head], headRef: 'feature', baseRef: 'main', baseSha: shas.base,
    ...(fork ? { headRepo: 'evil/shop', fork: true } : {}),
    files: prFiles(repo, shas.base, shas[head]),
  });
}

function pullRequestPayload(n: number, head: 'v1' | 'v2', fork = false): Record<string, unknown> {
  const base = { full_name: 'acme/shop', name: 'shop', owner: { login: 'acme' }, fork: false };
  const headRepo = fork ? { full_name: 'evil/shop', name: 'shop', owner: { login: 'evil' }, fork: true } : base;
  return {
    action: 'synchronize',
    number: n,
    pull_request: { number: n, html_url: `https://github.com/acme/shop/pull/${n}`, head: { ref: 'feature', sha: shas[head], repo: headRepo }, base: { ref: 'main', sha: shas.base, repo: base } },
    repository: base,
  };
}

const common = (): Pick<RunWorkflowOptions, 'workspace' | 'apiUrl' | 'token' | 'vars' | 'github' | 'stepTimeoutMs' | 'actions'> => ({
  workspace: repo, apiUrl: github.url, token: DEFAULT_TOKEN, vars, github, stepTimeoutMs: 240_000, actions,
});

const describeSteps = (r: WorkflowResult) =>
  Object.values(r.jobs).flatMap((j) => j.steps.map((s) => `${j.id}/${s.name}: ${s.outcome} (${s.exitCode})${s.outcome === 'failure' ? `\n${s.stdout.slice(-3000)}\n${s.stderr.slice(-3000)}` : ''}`)).join('\n');

/** Every line any step printed, but the runner's add-mask commands, which are how a token is hidden. */
const printed = (r: WorkflowResult) =>
  Object.values(r.jobs).flatMap((j) => j.steps.flatMap((s) => `${s.stdout}\n${s.stderr}`.split('\n'))).filter((l) => !l.startsWith('::add-mask::')).join('\n');

const writes = (from: number) => github.calls.slice(from).filter((c) => c.method !== 'GET' && c.method !== 'HEAD');
const reportStep = (r: WorkflowResult) => r.jobs.scan?.steps.find((s) => s.name === 'Report');

describe('examples/workflows through the workflow runner against the fake GitHub', () => {
  it('before main has a run, a pull request is compared with nothing, says so and gates on every finding', async () => {
    checkout(shas.v1);
    seedPullRequest(6, 'v1');
    const r = await runWorkflow({ ...common(), workflow: SECURITY, event: 'pull_request', payload: pullRequestPayload(6, 'v1'), sha: shas.v1, runId: 100, pullRequestNumber: 6 });
    expect(r.conclusion).toBe('failure');
    const report = reportStep(r);
    expect(report?.exitCode, describeSteps(r)).toBe(1);
    expect(Number(report?.outputs.new)).toBeGreaterThanOrEqual(4);
    expect(report?.outputs.new).toBe(report?.outputs.total);
    const body = github.comments.find((c) => c.issueNumber === 6)?.body ?? '';
    expect(body).toMatch(/no successful run/i);
    expect(printed(r)).not.toContain(DEFAULT_TOKEN);
  }, 600_000);

  it('the push to main records the baseline artifact and submits the dependency graph', async () => {
    checkout(shas.base);
    const before = github.calls.length;
    const r = await runWorkflow({ ...common(), workflow: SECURITY, event: 'push', ref: 'refs/heads/main', sha: shas.base, runId: 101 });
    expect(r.conclusion, describeSteps(r)).toBe('success');
    expect(r.jobs['dependency-graph']?.result).toBe('success');
    expect(printed(r)).not.toContain(DEFAULT_TOKEN);
    expect(github.workflowRuns.find((w) => w.id === 101)).toMatchObject({ workflowFile: 'security.yml', branch: 'main', event: 'push', conclusion: 'success', headSha: shas.base });
    expect(github.runArtifacts.filter((a) => a.runId === 101).map((a) => a.name)).toEqual(['rampart-findings']);
    expect(r.artifacts[0]?.files).toEqual(expect.arrayContaining(['findings.json', 'sast/findings.json', 'dast/findings.json', 'container/findings.json', 'dependencies/findings.json', 'sbom/inventory.json']));
    expect(github.snapshots).toHaveLength(1);
    // A push has no pull request to comment on.
    expect(writes(before).filter((c) => c.path.includes('/comments'))).toEqual([]);
  }, 600_000);

  it('two pull request runs: one comment updated in place, the fixed finding shown, the gate fails only on the new one', async () => {
    checkout(shas.v1);
    seedPullRequest(7, 'v1');
    const run1 = await runWorkflow({ ...common(), workflow: SECURITY, event: 'pull_request', payload: pullRequestPayload(7, 'v1'), sha: shas.v1, runId: 102 });
    expect(run1.conclusion, describeSteps(run1)).toBe('success');
    expect(run1.jobs['dependency-graph']?.result).toBe('skipped');
    expect(reportStep(run1)?.outputs.new).toBe('0');
    const first = github.comments.filter((c) => c.issueNumber === 7);
    expect(first).toHaveLength(1);
    expect(first[0]?.body).toMatch(/run 101/);

    checkout(shas.v2);
    seedPullRequest(7, 'v2');
    const run2 = await runWorkflow({ ...common(), workflow: SECURITY, event: 'pull_request', payload: pullRequestPayload(7, 'v2'), sha: shas.v2, runId: 103 });
    expect(run2.conclusion).toBe('failure');
    const report = reportStep(run2);
    // Only the report step is red, and only because of the gate.
    const red = Object.values(run2.jobs).flatMap((j) => j.steps.filter((s) => s.conclusion === 'failure').map((s) => s.name));
    expect(red, describeSteps(run2)).toEqual(['Report']);
    expect(report?.exitCode).toBe(1);
    expect(report?.outputs.gate).toBe('failed');
    expect(report?.outputs.new).toBe('1');
    const findings = JSON.parse(readFileSync(join(repo, 'rampart-reports/findings.json'), 'utf8')) as { findings: { ruleId: string; location: { path?: string } }[] };
    expect(findings.findings.some((f) => f.location.path === 'src/render.js')).toBe(true);

    const comments = github.comments.filter((c) => c.issueNumber === 7);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.id).toBe(first[0]?.id);
    const body = comments[0]?.body ?? '';
    expect(body).toContain(`https://github.com/acme/shop/blob/${shas.v2}/src/plugin.js#L3`);
    // X (src/shell.js) is listed as fixed; Y (src/render.js) is still there, not new.
    expect(body).toMatch(/1 fixed/);
    expect(body.slice(body.indexOf('fixed since the baseline'))).toMatch(/src\/shell\\?\.js:6/);
    expect(body).toMatch(/Gate failed/);
    expect(body).toMatch(/\| Secrets \| 0 \| 0 \| 1 /);

    // Annotations only on lines this pull request changed: src/plugin.js (new) and src/shell.js, never src/render.js.
    const located = run2.annotations.filter((a) => a.properties.file);
    expect(located.length).toBeGreaterThan(0);
    expect(located.map((a) => a.properties.file)).not.toContain('src/render.js');
    expect(new Set(located.map((a) => a.properties.file))).toEqual(new Set(['src/plugin.js']));
    expect(located.some((a) => a.properties.file === 'src/plugin.js' && a.properties.line === '3')).toBe(true);
    // One inline review comment, for the new finding, on the line that added it.
    const inline = github.reviewComments.filter((c) => c.pullNumber === 7);
    expect(inline.map((c) => [c.path, c.line, c.commit_id])).toEqual([['src/plugin.js', 3, shas.v2]]);
  }, 900_000);

  it('a fork pull request: stage one writes nothing and stays green, stage two posts the comment and the SARIF', async () => {
    checkout(shas.v1);
    seedPullRequest(8, 'v1', true);
    github.denyWrites = 403;
    const before = github.calls.length;
    const stage1 = await runWorkflow({ ...common(), workflow: SECURITY, event: 'pull_request', payload: pullRequestPayload(8, 'v1', true), sha: shas.v1, runId: 104, pullRequestNumber: 8 });
    github.denyWrites = null;
    expect(stage1.conclusion, describeSteps(stage1)).toBe('success');
    expect(Object.values(stage1.jobs).flatMap((j) => j.steps.filter((s) => s.outcome === 'failure'))).toEqual([]);
    expect(writes(before)).toEqual([]);
    // Reads still work with a fork's token: the fork's PR is compared with main's baseline too.
    expect(stage1.summary).toMatch(/run 101/);
    expect(github.runArtifacts.filter((a) => a.runId === 104).map((a) => a.name)).toEqual(['rampart-findings']);
    expect(github.comments.filter((c) => c.issueNumber === 8)).toEqual([]);
    // The report step said where the comment will come from instead of failing on the read-only token.
    expect(reportStep(stage1)?.commands.some((c) => c.command === 'notice' && /workflow_run/.test(c.message))).toBe(true);

    // Stage two runs from the default branch with no checkout of the fork's code.
    const empty = tempDir('rampart-stage-two-');
    const sarifsBefore = github.sarifs.length;
    const stage2 = await runWorkflow({
      ...common(),
      workspace: empty,
      workflow: STAGE_TWO,
      event: 'workflow_run',
      sha: shas.base,
      runId: 105,
      payload: {
        action: 'completed',
        workflow_run: {
          id: 104, name: 'security', path: '.github/workflows/security.yml', event: 'pull_request', status: 'completed', conclusion: 'success', head_sha: shas.v1, head_branch: 'feature',
          head_repository: { full_name: 'evil/shop' }, pull_requests: [],
        },
        repository: { full_name: 'acme/shop', name: 'shop', owner: { login: 'acme' } },
      },
    });
    expect(stage2.conclusion, describeSteps(stage2)).toBe('success');
    expect(stage2.jobs.publish?.result).toBe('success');
    expect(printed(stage2)).not.toContain(DEFAULT_TOKEN);
    const comments = github.comments.filter((c) => c.issueNumber === 8);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain(`https://github.com/acme/shop/blob/${shas.v1}/`);
    expect(comments[0]?.body).toMatch(/run 101/);
    const uploads = github.sarifs.slice(sarifsBefore);
    expect(uploads.length).toBeGreaterThan(1);
    for (const u of uploads) {
      expect(u.body.commit_sha).toBe(shas.v1);
      expect(u.body.ref).toBe('refs/pull/8/head');
    }
    const categories = uploads.map((u) => (JSON.parse(u.sarifText) as { runs: { automationDetails?: { id?: string } }[] }).runs[0]?.automationDetails?.id);
    expect(new Set(categories).size).toBe(uploads.length);
    expect(categories).toEqual(expect.arrayContaining(['rampart/sast/', 'rampart/dependency/']));
  }, 900_000);

  it('stage two skips runs that security.yml published itself', async () => {
    const empty = tempDir('rampart-stage-two-');
    const r = await runWorkflow({
      ...common(), workspace: empty, workflow: STAGE_TWO, event: 'workflow_run', runId: 106,
      payload: { action: 'completed', workflow_run: { id: 103, name: 'security', event: 'pull_request', conclusion: 'failure', head_sha: shas.v2, head_repository: { full_name: 'acme/shop' }, pull_requests: [] }, repository: { full_name: 'acme/shop' } },
    });
    expect(r.jobs.publish?.result).toBe('skipped');
  });
});

describe('a pull request with 10,000 findings', () => {
  it('gets one comment and one summary within GitHub\'s limits, each saying what was cut', async () => {
    const workspace = tempDir('rampart-big-');
    cpSync(join(ROOT, 'test/fixtures/pr-report/big/generate.mjs'), join(workspace, 'generate.mjs'));
    github.addPullRequest({ owner: 'acme', repo: 'shop', number: 9, headSha: 'c'.repeat(40), files: [{ filename: 'src/module-1/file-1.js', status: 'added', patch: '@@ -0,0 +1,3 @@\n+a\n+b\n+c' }] });
    const r = await runWorkflow({
      ...common(), workspace, workflow: join(ROOT, 'test/fixtures/pr-report/big/report.yml'), event: 'pull_request', sha: 'c'.repeat(40), pullRequestNumber: 9, runId: 200,
    });
    const report = r.jobs.report?.steps.find((s) => s.name === 'Report');
    expect(report?.exitCode, describeSteps(r)).toBe(1);
    // Core dedupes a few of the generated findings (same rule and package); thousands remain.
    expect(Number(report?.outputs.total)).toBeGreaterThan(9_000);
    const comments = github.comments.filter((c) => c.issueNumber === 9);
    expect(comments).toHaveLength(1);
    const body = comments[0]?.body ?? '';
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toMatch(/and [\d,]+ more/);
    expect(Buffer.byteLength(r.summary)).toBeLessThanOrEqual(1024 * 1024);
    expect(r.summary).toMatch(/and [\d,]+ more/);
    expect(r.annotations.map((a) => a.message).join('\n')).not.toMatch(/upload aborted/);
    // Nothing a finding says can open HTML or mention someone in the comment.
    expect(body).not.toContain('<b>that</b>');
    expect(body).not.toMatch(/(^|[^\\`])@someone/);
  }, 600_000);
});

describe('examples/workflows hygiene', () => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(resolve(ROOT, '../shared/schemas/github/github-workflow.json'), 'utf8')) as object);
  const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.yml'));

  it('has both stages', () => {
    expect(files.sort()).toEqual(['security-report.yml', 'security.yml']);
  });

  for (const file of files) {
    it(`${file} validates, pins third-party actions, keeps expressions out of run: and credentials out of the checkout`, () => {
      const text = readFileSync(join(EXAMPLES, file), 'utf8');
      const doc = parse(text) as { jobs: Record<string, { steps: Record<string, unknown>[] }> };
      expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
      for (const m of text.matchAll(/uses:\s*([^\s#]+)/g)) {
        const ref = m[1] ?? '';
        if (ref.startsWith('<owner>/rampart/actions/')) continue;
        expect(ref, `${ref} must be pinned by a full commit SHA`).toMatch(/@[0-9a-f]{40}$/);
      }
      for (const job of Object.values(doc.jobs)) {
        for (const step of job.steps) {
          if (typeof step.run === 'string') expect(step.run).not.toContain('${{');
          if (String(step.uses).startsWith('actions/checkout@')) expect((step.with as Record<string, unknown>)['persist-credentials']).toBe(false);
        }
      }
    });
  }

  it("pass Rampart's own IaC scan, but for the <owner> placeholder a user pins", () => {
    const dir = tempDir('rampart-examples-iac-');
    mkdirSync(join(dir, '.github/workflows'), { recursive: true });
    for (const f of files) cpSync(join(EXAMPLES, f), join(dir, '.github/workflows', f));
    const result = scanIac(dir, { files: files.map((f) => `.github/workflows/${f}`) });
    expect(result.counts).toEqual({ 'github-workflow': files.length });
    const other = result.findings.filter((f) => !(f.ruleId === 'gha.unpinned-action' && f.message.startsWith('<owner>/rampart/actions/')));
    expect(other.map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(result.findings.length).toBeGreaterThan(0);
  });

  it('asks for the least privilege each job needs', () => {
    const sec = parse(readFileSync(SECURITY, 'utf8')) as { permissions: unknown; jobs: Record<string, { permissions: unknown; if?: string }> };
    expect(sec.permissions).toEqual({ contents: 'read' });
    expect(sec.jobs.scan?.permissions).toEqual({ contents: 'read', actions: 'read', 'pull-requests': 'write', 'security-events': 'write' });
    // The only contents: write, and only on pushes.
    expect(sec.jobs['dependency-graph']?.permissions).toEqual({ contents: 'write' });
    expect(sec.jobs['dependency-graph']?.if).toMatch(/github.event_name == 'push'/);
    const two = parse(readFileSync(STAGE_TWO, 'utf8')) as { permissions: unknown; jobs: Record<string, { permissions: unknown; steps: { uses?: string }[] }> };
    expect(two.permissions).toEqual({});
    expect(two.jobs.publish?.permissions).toEqual({ actions: 'read', 'pull-requests': 'write', 'security-events': 'write' });
    // The privileged stage never checks out (and so never runs) the fork's code.
    expect(two.jobs.publish?.steps.some((s) => s.uses?.startsWith('actions/checkout'))).toBe(false);
  });
});
