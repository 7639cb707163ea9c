import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unzip } from './fake-artifacts.js';
import { DEFAULT_TOKEN } from './github-runner.js';
import { WorkflowUnsupportedError } from './workflow-model.js';
import { runWorkflow, type RunWorkflowOptions } from './workflow-runner.js';
import type { WorkflowRunStore } from './workflow-stubs.js';

const ROOT = resolve(import.meta.dirname, '../..');
const actions = {
  'acme/tiny@v1': join(ROOT, 'packages/ci/test/fixtures/tiny-action'),
  'acme/post@v1': join(ROOT, 'test/fixtures/pr-report/post-action'),
};
const temp = mkdtempSync(join(tmpdir(), 'rampart-wf-test-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

let counter = 0;
function setup(workflow: string): { file: string; workspace: string } {
  const dir = join(temp, String(counter++));
  const workspace = join(dir, 'ws');
  mkdirSync(workspace, { recursive: true });
  const file = join(dir, 'wf.yml');
  writeFileSync(file, workflow);
  return { file, workspace };
}

function memoryStore(): WorkflowRunStore & { runs: Parameters<WorkflowRunStore['addWorkflowRun']>[0][]; runArtifacts: { runId: number; name: string; zip: Buffer }[] } {
  const runs: Parameters<WorkflowRunStore['addWorkflowRun']>[0][] = [];
  const runArtifacts: { runId: number; name: string; zip: Buffer }[] = [];
  return {
    runs,
    runArtifacts,
    addWorkflowRun: (r) => (runs.push(r), { id: r.id ?? 1 }),
    addRunArtifact: (a) => (runArtifacts.push(a), { id: runArtifacts.length }),
  };
}

const PR_WORKFLOW = `
name: checks
on:
  pull_request:
    branches: [main]
permissions:
  contents: read
env:
  GREETING: hello
jobs:
  build:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      pull-requests: write
    env:
      WHO: \${{ github.event.pull_request.head.ref }}
    outputs:
      word: \${{ steps.make.outputs.word }}
    steps:
      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0
        with:
          persist-credentials: false
      - id: make
        env:
          STEP_ONLY: step
          GITHUB_OUTPUT: /dev/null
        run: |
          echo "word=$GREETING-$WHO-$STEP_ONLY" >> "$GITHUB_OUTPUT"
          echo "FROM_ENV_FILE=carried" >> "$GITHUB_ENV"
          mkdir -p "$RUNNER_TEMP/bin" && printf '#!/bin/sh\\necho tool-ran\\n' > "$RUNNER_TEMP/bin/mytool" && chmod +x "$RUNNER_TEMP/bin/mytool"
          echo "$RUNNER_TEMP/bin" >> "$GITHUB_PATH"
          mkdir -p out/sub && echo '{"a":1}' > out/sub/findings.json && echo x > out/.hidden
          echo "## from the run step" >> "$GITHUB_STEP_SUMMARY"
      - name: Uses the env file and the path
        run: |
          test "$FROM_ENV_FILE" = carried
          mytool
      - id: tiny
        uses: acme/tiny@v1
        with:
          who: \${{ steps.make.outputs.word }}
      - id: broken
        continue-on-error: true
        run: exit 3
      - name: Skipped on success
        if: failure()
        run: echo never
      - uses: acme/post@v1
      - uses: actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02 # v4.6.2
        if: always()
        with:
          name: reports
          path: out/
  after:
    needs: build
    runs-on: ubuntu-latest
    if: \${{ needs.build.outputs.word != '' && github.event_name == 'pull_request' }}
    steps:
      - run: echo "got $WORD" && test "$WORD" = "hello-feature-step"
        env:
          WORD: \${{ needs.build.outputs.word }}
      - uses: actions/download-artifact@v4
        with:
          name: reports
          path: downloaded
      - run: test -f downloaded/sub/findings.json && test ! -e downloaded/.hidden
      - run: exit 1
      - name: Runs after the failure
        if: \${{ failure() && steps.missing.outcome != 'success' }}
        run: echo cleanup
`;

describe('runWorkflow', () => {
  it('runs jobs in needs order with env, outputs, runner files, actions, post steps and artifacts', async () => {
    const { file, workspace } = setup(PR_WORKFLOW);
    const store = memoryStore();
    const r = await runWorkflow({ workflow: file, event: 'pull_request', workspace, actions, github: store, runId: 42, sha: 'a'.repeat(40) });
    const build = r.jobs.build;
    const after = r.jobs.after;
    expect(build?.result, JSON.stringify(build?.steps.map((s) => [s.name, s.outcome, s.stderr]))).toBe('success');
    expect(build?.outputs).toEqual({ word: 'hello-feature-step' });
    expect(build?.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    expect(r.permissions).toEqual({ contents: 'read' });
    const tiny = build?.steps.find((s) => s.id === 'tiny');
    expect(tiny?.outputs.greeting).toBe('hello hello-feature-step\nsecond line');
    expect(tiny?.outputs.pr).toBe('7');
    expect(tiny?.inputs?.token).toBe(DEFAULT_TOKEN);
    expect(tiny?.env?.GITHUB_WORKFLOW_REF).toBe('acme/shop/.github/workflows/wf.yml@refs/pull/7/merge');
    expect(tiny?.env?.GITHUB_RUN_ID).toBe('42');
    expect(build?.steps.find((s) => s.id === 'broken')).toMatchObject({ outcome: 'failure', conclusion: 'success', exitCode: 3 });
    expect(build?.steps.find((s) => s.name === 'Skipped on success')?.outcome).toBe('skipped');
    // The post step ran at the end of the job with the main step's state.
    expect(build?.steps.at(-1)?.name).toBe('Post acme/post@v1');
    expect(r.annotations.map((a) => a.message)).toEqual(expect.arrayContaining(['main ran', 'post saw pull_request', 'look here, 50% sure']));
    expect(r.summary).toContain('## from the run step');
    expect(r.summary).toContain('<h1>Tiny summary</h1>');
    // upload-artifact: a directory's files relative to it, hidden files left out.
    expect([...unzip(r.artifacts[0]?.zip ?? Buffer.alloc(0)).keys()]).toEqual(['sub/findings.json']);
    // The second job saw the first one's outputs and artifact, failed on `exit 1`, then ran its failure() step.
    expect(after?.result).toBe('failure');
    expect(after?.steps.map((s) => s.outcome)).toEqual(['success', 'success', 'success', 'failure', 'success']);
    expect(r.conclusion).toBe('failure');
    expect(store.runs).toEqual([{ owner: 'acme', repo: 'shop', workflowFile: 'wf.yml', branch: 'feature', event: 'pull_request', conclusion: 'failure', headSha: 'a'.repeat(40), id: 42 }]);
    expect(store.runArtifacts.map((a) => [a.runId, a.name])).toEqual([[42, 'reports']]);
  });

  it('checks the trigger: branches, workflow_run workflows and types', async () => {
    const { file, workspace } = setup(PR_WORKFLOW.replace('pull_request:\n    branches: [main]', 'push:\n    branches: [main, "release/**"]'));
    const base = { workflow: file, workspace, actions, jobs: ['build'] } satisfies Partial<RunWorkflowOptions>;
    await expect(runWorkflow({ ...base, event: 'push', ref: 'refs/heads/feature' })).rejects.toThrow(/would not run: push to refs\/heads\/feature/);
    await expect(runWorkflow({ ...base, event: 'pull_request' })).rejects.toThrow(/no on.pull_request trigger/);
    const ok = await runWorkflow({ ...base, event: 'push', ref: 'refs/heads/release/1.2' });
    expect(ok.jobs.build?.steps.find((s) => s.id === 'tiny')?.outputs.pr).toBe('none');

    const stage2 = setup(`
name: report
on:
  workflow_run:
    workflows: [security]
    types: [completed]
permissions: {}
jobs:
  report:
    runs-on: ubuntu-latest
    if: github.event.workflow_run.conclusion != 'skipped'
    steps:
      - run: test "$RUN" = 77
        env:
          RUN: \${{ github.event.workflow_run.id }}
`);
    const payload = (name: string, action = 'completed') => ({ action, workflow_run: { id: 77, name, conclusion: 'failure', head_sha: 'b'.repeat(40) } });
    const done = await runWorkflow({ workflow: stage2.file, workspace: stage2.workspace, event: 'workflow_run', payload: payload('security') });
    expect(done.conclusion).toBe('success');
    expect(done.permissions).toEqual({});
    await expect(runWorkflow({ workflow: stage2.file, workspace: stage2.workspace, event: 'workflow_run', payload: payload('other') })).rejects.toThrow(/workflow_run of other/);
    await expect(runWorkflow({ workflow: stage2.file, workspace: stage2.workspace, event: 'workflow_run', payload: payload('security', 'requested') })).rejects.toThrow(/activity type requested/);
  });

  it('fails loudly on syntax outside its subset, naming the construct', async () => {
    const cases: [string, RegExp][] = [
      ['jobs:\n  a:\n    runs-on: ubuntu-latest\n    strategy: {matrix: {x: [1]}}\n    steps: [{run: "true"}]', /jobs.a.strategy is not supported/],
      ['jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{run: "true", shell: pwsh}]', /shell: only bash/],
      ['jobs:\n  a:\n    runs-on: windows-latest\n    steps: [{run: "true"}]', /runs-on/],
      ['jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{uses: "someone/else@v1"}]', /neither one of this repo's actions/],
      ['jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{uses: "acme/tiny@v1", with: {whom: x}}]', /input whom is not declared/],
      ['jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{uses: "actions/checkout@v4", with: {persist-credential: false}}]', /unknown input persist-credential/],
      ['jobs:\n  a:\n    runs-on: ubuntu-latest\n    needs: b\n    steps: [{run: "true"}]', /unknown job b/],
      ['jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{run: "echo ${{ hashFiles(\'x\') }}"}]', /unsupported function hashfiles/],
      ['jobs:\n  a:\n    runs-on: ubuntu-latest\n    permissions: {contents: admin}\n    steps: [{run: "true"}]', /contents must be read, write or none/],
    ];
    for (const [body, error] of cases) {
      const { file, workspace } = setup(`on: push\n${body}\n`);
      await expect(runWorkflow({ workflow: file, event: 'push', workspace, actions }), body).rejects.toThrow(error);
    }
    const { file, workspace } = setup('on: push\nservices: {}\njobs: {}\n');
    await expect(runWorkflow({ workflow: file, event: 'push', workspace })).rejects.toThrow(WorkflowUnsupportedError);
  });

  it('ends what a job left running in the background when the job ends', async () => {
    const { file, workspace } = setup(`
on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: |
          (while true; do date +%s%N > tick; sleep 0.05; done) > /dev/null 2>&1 &
          sleep 0.3
          echo started
`);
    const started = Date.now();
    const r = await runWorkflow({ workflow: file, event: 'push', workspace });
    expect(r.conclusion).toBe('success');
    expect(r.jobs.a?.steps[0]?.stdout).toContain('started');
    expect(Date.now() - started).toBeLessThan(10_000);
    const tick = readFileSync(join(workspace, 'tick'), 'utf8');
    await new Promise((res) => setTimeout(res, 400));
    expect(readFileSync(join(workspace, 'tick'), 'utf8')).toBe(tick);
  });

  it('gives actions, not run steps, the artifact service', async () => {
    const { file, workspace } = setup(`
on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - id: action
        uses: acme/post@v1
      - id: script
        run: echo "results-url=\${ACTIONS_RESULTS_URL:-}" >> "$GITHUB_OUTPUT"
`);
    const r = await runWorkflow({ workflow: file, event: 'push', workspace, actions, artifactService: { url: 'http://127.0.0.1:9/', runtimeToken: 'jwt' } });
    const steps = r.jobs.a?.steps ?? [];
    expect(steps.find((s) => s.id === 'action')?.outputs['results-url']).toBe('http://127.0.0.1:9/');
    expect(steps.find((s) => s.id === 'action')?.env?.ACTIONS_RUNTIME_TOKEN).toBe('jwt');
    expect(steps.find((s) => s.id === 'script')?.outputs['results-url']).toBe('');
  });

  it('fails a step that runs past its timeout, and the job with it', async () => {
    const { file, workspace } = setup(`
on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: sleep 20
        timeout-minutes: 1
      - run: echo never
`);
    const started = Date.now();
    const r = await runWorkflow({ workflow: file, event: 'push', workspace, stepTimeoutMs: 500 });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.jobs.a?.steps.map((s) => s.outcome)).toEqual(['failure', 'skipped']);
    expect(r.annotations.map((a) => a.message)).toEqual(['The step timed out after 500 ms']);
  });

  it('drops a step summary over 1 MiB with the error GitHub shows', async () => {
    const { file, workspace } = setup(`
on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: head -c 1100000 /dev/zero | tr '\\0' x >> "$GITHUB_STEP_SUMMARY"
      - run: echo small >> "$GITHUB_STEP_SUMMARY"
`);
    const r = await runWorkflow({ workflow: file, event: 'push', workspace });
    expect(r.summary).toBe('small\n');
    expect(r.annotations.map((a) => a.message)).toEqual(['$GITHUB_STEP_SUMMARY upload aborted, supports content up to a size of 1024k, got 1075k.']);
  });
});
