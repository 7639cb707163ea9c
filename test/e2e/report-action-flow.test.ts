import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildZip } from '../../packages/core/src/archive/zip-writer.js';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGithub, type FakeGithub } from '../harness/fake-github.js';
import { DEFAULT_REPOSITORY, DEFAULT_TOKEN, runAction, type RunActionOptions } from '../harness/github-runner.js';
import { REPORT_ACTION, ROOT, requireBuilt } from './paths.js';

/*
 * The bundled report action through the runner harness: the baseline from the base branch's artifact, a fork's
 * pull request with a read-only token, and the workflow_run stage that publishes for it.
 */

const actionYml = readFileSync(resolve(ROOT, 'actions/report/action.yml'), 'utf8');
const HEAD = '0123456789abcdef0123456789abcdef01234567';

function finding(id: string, kind: 'sast' | 'secret', line: number) {
  return {
    fingerprint: `fp-${id}`, kind, ruleId: `rule-${id}`, title: `Finding ${id}`, message: `Problem ${id}`, severity: 'high', identifiers: [],
    location: { type: 'source', path: 'src/app.js', startLine: line, endLine: line },
    tool: { name: `rampart-${kind}`, version: '0.1.0' },
  };
}
const findingsJson = (fs: unknown[]) => JSON.stringify({ rampart: 1, generatedAt: '2026-11-28T10:00:00Z', tools: [], findings: fs });
const X = finding('x', 'sast', 3);
const Z = finding('z', 'sast', 10);
const S = finding('s', 'secret', 11);

function checkout(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-flow-'));
  mkdirSync(join(dir, 'rampart-reports/sast'), { recursive: true });
  mkdirSync(join(dir, 'rampart-reports/secrets'), { recursive: true });
  writeFileSync(join(dir, 'rampart-reports/sast/findings.json'), findingsJson([X, Z]));
  writeFileSync(join(dir, 'rampart-reports/secrets/findings.json'), findingsJson([S]));
  return dir;
}

let gh: FakeGithub | undefined;
afterEach(async () => {
  await gh?.close();
  gh = undefined;
});

async function fake(): Promise<FakeGithub> {
  gh = await startFakeGithub({ token: DEFAULT_TOKEN });
  gh.addPullRequest({ owner: 'acme', repo: 'shop', number: 7, headSha: HEAD, baseRef: 'main', files: [{ filename: 'src/app.js', patch: '@@ -8,0 +9,3 @@\n+a\n+b\n+c' }] });
  return gh;
}

function seedBase(g: FakeGithub, fs: unknown[]): number {
  const { id } = g.addWorkflowRun({ owner: 'acme', repo: 'shop', workflowFile: 'security.yml', branch: 'main', event: 'push', conclusion: 'success', headSha: 'c'.repeat(40) });
  g.addRunArtifact({ owner: 'acme', repo: 'shop', runId: id, name: 'rampart-findings', zip: buildZip([{ name: 'findings.json', data: findingsJson(fs) }]) });
  return id;
}

const workflowRef = (file: string) => ({ GITHUB_WORKFLOW_REF: `${DEFAULT_REPOSITORY}/.github/workflows/${file}@refs/heads/main` });
const stageOne = { files: 'rampart-reports/*/findings.json', baseline: 'auto', 'new-only': true, 'fail-on': 'high', 'upload-sarif': true };

function options(g: FakeGithub, cwd: string, over: Partial<RunActionOptions>): RunActionOptions {
  return { script: REPORT_ACTION, cwd, actionYml, apiUrl: g.url, env: workflowRef('security.yml'), ...over };
}

describe('actions/report: baselines and the fork-safe two stages', () => {
  beforeAll(() => {
    requireBuilt(REPORT_ACTION);
  });

  it('a pull request takes the base branch artifact as its baseline and fails only on the new findings', async () => {
    const g = await fake();
    const base = seedBase(g, [X]);
    const r = await runAction(options(g, checkout(), { inputs: stageOne }));
    expect(r.code, r.stderr + r.stdout).toBe(1);
    expect(r.outputs).toMatchObject({ total: '3', new: '2', gate: 'failed' });
    expect(r.stdout).toContain(`Baseline: rampart-findings of run ${base} on main`);
    expect(g.sarifs.map((s) => JSON.parse(s.sarifText).runs[0].automationDetails.id).sort()).toEqual(['rampart/sast/', 'rampart/secret/']);
    expect(g.calls.filter((c) => c.path.startsWith('/_blobs/')).every((c) => c.headers.authorization === undefined)).toBe(true);
    // Annotations only on the changed lines 9-11: Z and S, not X on line 3.
    const annotated = r.commands.filter((c) => c.command === 'error' && c.properties.file).map((c) => c.properties.line);
    expect(annotated.sort()).toEqual(['10', '11']);
  });

  it('without a base branch run the gate applies to every finding and the log says why', async () => {
    const g = await fake();
    const r = await runAction(options(g, checkout(), { inputs: stageOne }));
    expect(r.code).toBe(1);
    expect(r.outputs.new).toBe('3');
    expect(r.stdout).toContain('No baseline: no successful run of security.yml on main yet.');
  });

  it('fork: stage one writes nothing with a read-only token and stays green; stage two posts on the confirmed PR', async () => {
    const g = await fake();
    seedBase(g, [X, Z, S]);
    g.denyWrites = 403;
    const cwd = checkout();
    const fork = (d: Record<string, unknown>) => {
      const pr = d.pull_request as { head: Record<string, unknown> };
      pr.head.repo = { full_name: 'mallory/shop', fork: true };
      return d;
    };
    const one = await runAction(options(g, cwd, { inputs: stageOne, event: fork }));
    expect(one.code, one.stderr + one.stdout).toBe(0);
    expect(g.calls.filter((c) => c.method !== 'GET')).toEqual([]);
    expect(one.commands.filter((c) => c.command === 'notice' && /fork/.test(c.message))).toHaveLength(1);
    const prFile = JSON.parse(readFileSync(join(cwd, 'rampart-reports/pull-request.json'), 'utf8'));
    expect(prFile).toMatchObject({ number: 7, headSha: HEAD, baseRef: 'main' });

    // What actions/upload-artifact would have stored for the fork's run.
    g.denyWrites = null;
    const { id } = g.addWorkflowRun({ owner: 'acme', repo: 'shop', workflowFile: 'security.yml', branch: 'feature', event: 'pull_request', conclusion: 'success', headSha: HEAD });
    const dir = join(cwd, 'rampart-reports');
    const zip = buildZip(['findings.json', 'pull-request.json', 'summary.md'].map((name) => ({ name, data: readFileSync(join(dir, name)) })));
    g.addRunArtifact({ owner: 'acme', repo: 'shop', runId: id, name: 'rampart-findings', zip });
    const event = { workflow_run: { id, head_sha: HEAD, event: 'pull_request', conclusion: 'success', path: '.github/workflows/security.yml', pull_requests: [] } };
    const stage2 = mkdtempSync(join(tmpdir(), 'rampart-flow2-'));
    const two = await runAction(options(g, stage2, { eventName: 'workflow_run', event, env: workflowRef('security-report.yml'), inputs: { baseline: 'auto', 'new-only': true, 'upload-sarif': true } }));
    expect(two.code, two.stderr + two.stdout).toBe(0);
    expect(g.comments).toHaveLength(1);
    expect(g.comments[0]?.issueNumber).toBe(7);
    expect(g.sarifs.every((s) => s.body.ref === 'refs/pull/7/head' && s.body.commit_sha === HEAD)).toBe(true);
    expect(g.sarifs.map((s) => JSON.parse(s.sarifText).runs[0].automationDetails.id).sort()).toEqual(['rampart/sast/', 'rampart/secret/']);

    // A forged pull-request.json: PR 8 exists but its head is another commit.
    g.addPullRequest({ owner: 'acme', repo: 'shop', number: 8, headSha: 'e'.repeat(40), files: [] });
    const forged = g.addWorkflowRun({ owner: 'acme', repo: 'shop', workflowFile: 'security.yml', branch: 'evil', event: 'pull_request', conclusion: 'success', headSha: HEAD });
    const forgedZip = buildZip([
      { name: 'findings.json', data: readFileSync(join(dir, 'findings.json')) },
      { name: 'pull-request.json', data: JSON.stringify({ ...prFile, number: 8 }) },
    ]);
    g.addRunArtifact({ owner: 'acme', repo: 'shop', runId: forged.id, name: 'rampart-findings', zip: forgedZip });
    const writesBefore = g.calls.filter((c) => c.method !== 'GET').length;
    const three = await runAction(options(g, stage2, { eventName: 'workflow_run', event: { workflow_run: { ...event.workflow_run, id: forged.id } }, env: workflowRef('security-report.yml'), inputs: { 'upload-sarif': true } }));
    expect(three.code).toBe(0);
    expect(g.comments.filter((c) => c.issueNumber === 8)).toEqual([]);
    expect(g.calls.filter((c) => c.method !== 'GET')).toHaveLength(writesBefore);
    expect(three.commands.some((c) => c.command === 'warning' && /#8 has head/.test(c.message))).toBe(true);
  });
});
