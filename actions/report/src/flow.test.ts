import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildZip } from '@rampart/core';
import { recordingIO, type RecordingIO } from '@rampart/ci';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGithub, type FakeGithub } from '../../../test/harness/fake-github.js';
import { run } from './main.js';

/*
 * The report action's two stages against the fake GitHub: the baseline from the base branch's artifact, a fork's
 * pull request that writes nothing, and the workflow_run stage that publishes on the confirmed pull request only.
 */

const TOKEN = 'ghs_reportFlowTestToken000000000000';
const HEAD = 'b'.repeat(40);
const FAST = { retryUnitMs: 1, writeIntervalMs: 0, notificationIntervalMs: 0, retries: 0 };
const now = () => new Date('2026-11-29T12:00:00Z');

function finding(id: string, kind: 'sast' | 'dependency', line: number) {
  return {
    fingerprint: `fp-${id}`, kind, ruleId: `rule-${id}`, title: `Finding ${id}`, message: `Problem ${id}`, severity: 'high', identifiers: [],
    location: kind === 'sast' ? { type: 'source', path: 'src/app.ts', startLine: line, endLine: line } : { type: 'package', purl: `pkg:npm/lib-${id}@1.0.0`, name: `lib-${id}`, version: '1.0.0', file: 'package-lock.json' },
    tool: { name: kind === 'sast' ? 'rampart-sast' : 'rampart-deps', version: '0.1.0' },
  };
}
const findingsJson = (fs: unknown[]) => JSON.stringify({ rampart: 1, generatedAt: '2026-11-28T10:00:00Z', tools: [], findings: fs });

let gh: FakeGithub;
let io: RecordingIO;
let dir: string;
beforeEach(async () => {
  gh = await startFakeGithub({ token: TOKEN });
  io = recordingIO();
  dir = mkdtempSync(join(tmpdir(), 'rampart-report-flow-'));
  mkdirSync(join(dir, 'rampart-reports/sast'), { recursive: true });
  mkdirSync(join(dir, 'rampart-reports/deps'), { recursive: true });
  mkdirSync(join(dir, 'temp'));
  // X was on the base branch already; Z (sast) and D (dependency) are new.
  writeFileSync(join(dir, 'rampart-reports/sast/findings.json'), findingsJson([finding('x', 'sast', 3), finding('z', 'sast', 10)]));
  writeFileSync(join(dir, 'rampart-reports/deps/findings.json'), findingsJson([finding('d', 'dependency', 0)]));
  gh.addPullRequest({ owner: 'acme', repo: 'shop', number: 7, headSha: HEAD, baseRef: 'main', files: [{ filename: 'src/app.ts', patch: '@@ -8,0 +9,3 @@\n+a\n+b\n+c' }] });
});
afterEach(async () => {
  await gh.close();
});

function prEvent(fork = false) {
  const repo = { full_name: 'acme/shop', fork: false };
  const headRepo = fork ? { full_name: 'mallory/shop', fork: true } : repo;
  return { number: 7, pull_request: { number: 7, head: { ref: 'feature', sha: HEAD, repo: headRepo }, base: { ref: 'main', sha: 'f'.repeat(40), repo } }, repository: repo };
}

function env(eventName: string, payload: unknown, inputs: Record<string, string>): Record<string, string> {
  const eventPath = join(dir, 'temp', `${eventName}.json`);
  writeFileSync(eventPath, JSON.stringify(payload));
  const e: Record<string, string> = {
    GITHUB_WORKSPACE: dir, GITHUB_REPOSITORY: 'acme/shop', GITHUB_EVENT_NAME: eventName, GITHUB_EVENT_PATH: eventPath,
    GITHUB_API_URL: gh.url, GITHUB_SHA: 'a'.repeat(40), GITHUB_REF: eventName === 'pull_request' ? 'refs/pull/7/merge' : 'refs/heads/main',
    GITHUB_WORKFLOW_REF: `acme/shop/.github/workflows/${eventName === 'workflow_run' ? 'security-report' : 'security'}.yml@refs/heads/main`,
    GITHUB_RUN_ID: '5000', RUNNER_TEMP: join(dir, 'temp'), 'INPUT_GITHUB-TOKEN': TOKEN,
  };
  for (const [k, v] of Object.entries(inputs)) e[`INPUT_${k.toUpperCase()}`] = v;
  return e;
}

const stageOneInputs = { files: 'rampart-reports/*/findings.json', baseline: 'auto', 'new-only': 'true', 'fail-on': 'high', 'upload-sarif': 'true' };

function seedBaseRun(fs: unknown[]): number {
  const { id } = gh.addWorkflowRun({ owner: 'acme', repo: 'shop', workflowFile: 'security.yml', branch: 'main', event: 'push', conclusion: 'success', headSha: 'c'.repeat(40) });
  gh.addRunArtifact({ owner: 'acme', repo: 'shop', runId: id, name: 'rampart-findings', zip: buildZip([{ name: 'findings.json', data: findingsJson(fs) }]) });
  return id;
}

describe('report action, stage one (pull_request)', () => {
  it('takes the base branch artifact as the baseline and gates on the new findings only', async () => {
    const base = seedBaseRun([finding('x', 'sast', 3)]);
    const code = await run({ io, env: env('pull_request', prEvent(), stageOneInputs), now, octokit: FAST });
    expect(code).toBe(1);
    expect(io.outputs).toMatchObject({ total: '3', new: '2', gate: 'failed' });
    expect(io.at('info').some((m) => m.message === `Baseline: rampart-findings of run ${base} on main, 2026-11-01.`)).toBe(true);
    // The summary escapes Markdown punctuation; compare the text.
    expect(io.summaries.join('\n').replace(/\\/g, '')).toContain(`Compared with rampart-findings of run ${base} on main, 2026-11-01: 2 new, 0 fixed, 1 existing.`);
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0]?.issueNumber).toBe(7);
    // One SARIF per kind, each in its own category, for the PR's merge commit.
    expect(gh.sarifs.map((s) => JSON.parse(s.sarifText).runs[0].automationDetails.id).sort()).toEqual(['rampart/dependency/', 'rampart/sast/']);
    expect(readFileSync(join(dir, 'rampart-reports/sast.sarif'), 'utf8')).toContain('rule-z');
    const pr = JSON.parse(readFileSync(join(dir, 'rampart-reports/pull-request.json'), 'utf8'));
    expect(pr).toEqual({ number: 7, headSha: HEAD, baseRef: 'main', baseSha: 'f'.repeat(40), repository: 'acme/shop' });
    expect(io.leakedSecrets()).toEqual([]);
  });

  it('without a base run: says so and gates on every finding', async () => {
    const code = await run({ io, env: env('pull_request', prEvent(), stageOneInputs), now, octokit: FAST });
    expect(code).toBe(1);
    expect(io.outputs).toMatchObject({ total: '3', new: '3' });
    expect(io.at('info').some((m) => m.message === 'No baseline: no successful run of security.yml on main yet.')).toBe(true);
    expect(io.summaries.join('\n').replace(/\\/g, '')).toContain('**No baseline found**: no successful run of security.yml on main yet.');
  });

  it('a fork pull request makes no API writes, says once who publishes, and stays green when the gate passes', async () => {
    seedBaseRun([finding('x', 'sast', 3), finding('z', 'sast', 10), finding('d', 'dependency', 0)]);
    gh.denyWrites = 403;
    const code = await run({ io, env: env('pull_request', prEvent(true), stageOneInputs), now, octokit: FAST });
    expect(code).toBe(0);
    expect(io.failed).toEqual([]);
    expect(gh.calls.filter((c) => c.method !== 'GET')).toEqual([]);
    expect(gh.calls.some((c) => c.path.endsWith('/actions/workflows/security.yml/runs'))).toBe(true);
    const notices = io.at('notice').filter((m) => /fork/.test(m.message));
    expect(notices).toHaveLength(1);
    expect(notices[0]?.message).toContain('workflow_run');
    expect(io.outputs.new).toBe('0');
  });
});

describe('report action, publish: false', () => {
  it('reads the baseline but writes nothing to the API, and says so once', async () => {
    seedBaseRun([finding('x', 'sast', 3)]);
    const code = await run({ io, env: env('pull_request', prEvent(), { ...stageOneInputs, publish: 'false' }), now, octokit: FAST });
    expect(code).toBe(1);
    expect(io.outputs.new).toBe('2');
    expect(gh.calls.filter((c) => c.method !== 'GET')).toEqual([]);
    expect(io.at('notice').filter((m) => /the publish input is false/.test(m.message))).toHaveLength(1);
  });
});

describe('report action, dependency snapshot', () => {
  const fixture = join(import.meta.dirname, '../../../packages/sbom/test/fixtures/small/inventory.json');

  it('submits the snapshot from the sbom step on push, never on a pull request', async () => {
    const inventory = join(dir, 'rampart-reports', 'inventory.json');
    writeFileSync(inventory, JSON.stringify({ rampartInventory: 1, ...JSON.parse(readFileSync(fixture, 'utf8')) }));
    const push = await run({ io, env: env('push', {}, { files: 'rampart-reports/*/findings.json', 'fail-on': 'none', sbom: inventory }), now, octokit: FAST });
    expect(push, io.failed.join('\n')).toBe(0);
    expect(io.outputs.snapshot).toBe('submitted');
    expect(gh.snapshots).toHaveLength(1);
    expect(gh.snapshots[0]?.body).toMatchObject({ ref: 'refs/heads/main', sha: 'a'.repeat(40) });
    const pr = recordingIO();
    expect(await run({ io: pr, env: env('pull_request', prEvent(), { files: 'rampart-reports/*/findings.json', 'fail-on': 'none', sbom: inventory }), now, octokit: FAST })).toBe(0);
    expect(pr.outputs.snapshot).toBe('skipped');
    expect(gh.snapshots).toHaveLength(1);
  });
});

describe('report action, stage two (workflow_run)', () => {
  function seedTriggeringRun(prFile: unknown): number {
    const { id } = gh.addWorkflowRun({ owner: 'acme', repo: 'shop', workflowFile: 'security.yml', branch: 'feature', event: 'pull_request', conclusion: 'failure', headSha: HEAD });
    const files = [
      { name: 'findings.json', data: readFileSync(join(dir, 'rampart-reports/sast/findings.json'), 'utf8') },
      { name: 'summary.md', data: '# forged summary @everyone' },
      { name: 'pull-request.json', data: JSON.stringify(prFile) },
    ];
    gh.addRunArtifact({ owner: 'acme', repo: 'shop', runId: id, name: 'rampart-findings', zip: buildZip(files) });
    return id;
  }
  const runEvent = (id: number) => ({ workflow_run: { id, head_sha: HEAD, event: 'pull_request', conclusion: 'failure', path: '.github/workflows/security.yml', pull_requests: [] } });

  it('re-renders the artifact findings and publishes on the confirmed pull request, SARIF per kind, exit 0 without fail-on', async () => {
    seedBaseRun([finding('x', 'sast', 3), finding('d', 'dependency', 0)]);
    const id = seedTriggeringRun({ number: 7, headSha: HEAD, baseRef: 'main', baseSha: 'f'.repeat(40), repository: 'acme/shop' });
    const code = await run({ io, env: env('workflow_run', runEvent(id), { baseline: 'auto', 'new-only': 'true', 'upload-sarif': 'true' }), now, octokit: FAST });
    expect(code).toBe(0);
    expect(io.failed).toEqual([]);
    expect(io.outputs).toMatchObject({ total: '2', new: '1', gate: 'failed' });
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0]?.issueNumber).toBe(7);
    expect(gh.comments[0]?.body).not.toContain('forged summary');
    // The dependency kind was in the baseline and is gone: an empty upload closes its alerts.
    const uploads = gh.sarifs.map((s) => ({ id: JSON.parse(s.sarifText).runs[0].automationDetails.id, n: JSON.parse(s.sarifText).runs[0].results.length, ref: s.body.ref, sha: s.body.commit_sha }));
    expect(uploads.sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: 'rampart/dependency/', n: 0, ref: 'refs/pull/7/head', sha: HEAD },
      { id: 'rampart/sast/', n: 2, ref: 'refs/pull/7/head', sha: HEAD },
    ]);
    const blob = gh.calls.filter((c) => c.path.startsWith('/_blobs/'));
    expect(blob.length).toBeGreaterThan(0);
    expect(blob.every((c) => c.headers.authorization === undefined)).toBe(true);
  });

  it('fails the step on the gate only when fail-on was set', async () => {
    const id = seedTriggeringRun({ number: 7, headSha: HEAD, baseRef: 'main', repository: 'acme/shop' });
    expect(await run({ io, env: env('workflow_run', runEvent(id), { 'fail-on': 'high' }), now, octokit: FAST })).toBe(1);
  });

  it('a forged pull-request.json (a PR whose head is another commit) gets no comment and no upload', async () => {
    gh.addPullRequest({ owner: 'acme', repo: 'shop', number: 8, headSha: 'e'.repeat(40), files: [] });
    const id = seedTriggeringRun({ number: 8, headSha: HEAD, baseRef: 'main', repository: 'acme/shop' });
    const code = await run({ io, env: env('workflow_run', runEvent(id), { 'upload-sarif': 'true' }), now, octokit: FAST });
    expect(code).toBe(0);
    expect(gh.comments).toEqual([]);
    expect(gh.sarifs).toEqual([]);
    expect(gh.calls.filter((c) => c.method !== 'GET')).toEqual([]);
    expect(io.at('warning').some((m) => /#8 has head eeeeeeeeeeee/.test(m.message))).toBe(true);
  });

  it('a push run needs no second stage: nothing is downloaded or written', async () => {
    const { id } = gh.addWorkflowRun({ owner: 'acme', repo: 'shop', workflowFile: 'security.yml', branch: 'main', event: 'push', conclusion: 'success', headSha: HEAD });
    const event = { workflow_run: { ...runEvent(id).workflow_run, event: 'push' } };
    expect(await run({ io, env: env('workflow_run', event, {}), now, octokit: FAST })).toBe(0);
    expect(gh.calls).toEqual([]);
    expect(io.at('info').some((m) => /push run, not a pull request/.test(m.message))).toBe(true);
  });

  it('an artifact that is not a findings.json publishes nothing and stays green', async () => {
    const { id } = gh.addWorkflowRun({ owner: 'acme', repo: 'shop', workflowFile: 'security.yml', branch: 'feature', event: 'pull_request', conclusion: 'success', headSha: HEAD });
    gh.addRunArtifact({ owner: 'acme', repo: 'shop', runId: id, name: 'rampart-findings', zip: buildZip([{ name: 'findings.json', data: '{"rampart":1,"findings":[{"x":1}]}' }]) });
    expect(await run({ io, env: env('workflow_run', runEvent(id), {}), now, octokit: FAST })).toBe(0);
    expect(io.at('warning').some((m) => /not a Rampart findings.json/.test(m.message))).toBe(true);
    expect(gh.comments).toEqual([]);
  });
});
