/** One job of a workflow: its steps in order, then the post steps of the actions that ran, in reverse. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { localActionDir, readLocalAction, type LocalAction } from './workflow-actions.js';
import { evaluateCondition, interpolate, interpolateString, truthy, type EvalContext } from './workflow-expressions.js';
import { parseOutputFile, parseWorkflowCommands, type WorkflowCommand } from './workflow-files.js';
import type { JobDef, Permissions, Scalar, StepDef, WorkflowDef } from './workflow-model.js';
import { WorkflowUnsupportedError } from './workflow-model.js';
import { runProcess } from './workflow-process.js';
import { stubFor, type UploadedArtifact, type WorkflowRunStore } from './workflow-stubs.js';

const ROOT = resolve(import.meta.dirname, '../..');

export interface JobEnvironment {
  workflow: WorkflowDef;
  workflowFile: string;
  job: JobDef;
  needs: Record<string, { result: string; outputs: Record<string, string> }>;
  workspace: string;
  temp: string;
  repository: string;
  sha: string;
  ref: string;
  event: string;
  payload: Record<string, unknown>;
  runId: number;
  token: string;
  apiUrl: string;
  vars: Readonly<Record<string, string>>;
  secrets: Readonly<Record<string, string>>;
  headRef: string;
  baseRef: string;
  actionMap: Readonly<Record<string, string>>;
  store: WorkflowRunStore | undefined;
  artifacts: Map<string, UploadedArtifact>;
  artifactService: { url: string; runtimeToken: string } | undefined;
  extraEnv: Readonly<Record<string, string>>;
  stepTimeoutMs: number;
  groups: number[];
}

export interface StepResult {
  /** The step's id, or `__<index>` like the runner's generated ids. */
  id: string;
  name: string;
  outcome: 'success' | 'failure' | 'skipped';
  conclusion: 'success' | 'failure' | 'skipped';
  exitCode: number | null;
  outputs: Record<string, string>;
  stdout: string;
  stderr: string;
  commands: WorkflowCommand[];
  summary: string;
  /** For `uses:` steps, the inputs the action received (`INPUT_*` values by input name). */
  inputs?: Record<string, string>;
  /** The environment the step ran with. */
  env?: Record<string, string>;
}

export interface JobResult {
  id: string;
  result: 'success' | 'failure' | 'skipped';
  /** The permissions the job's token has: the job's own, else the workflow's. */
  permissions: Permissions | undefined;
  steps: StepResult[];
  outputs: Record<string, string>;
  summary: string;
  annotations: WorkflowCommand[];
}

/** GitHub's limit for one step's summary. */
export const SUMMARY_LIMIT = 1024 * 1024;

const INPUT_NAME = (name: string) => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;

class Job {
  private readonly steps: StepResult[] = [];
  private readonly stepsContext: Record<string, { outputs: Record<string, string>; outcome: string; conclusion: string }> = {};
  private readonly githubEnv: Record<string, string> = {};
  private readonly githubPath: string[] = [];
  private readonly posts: { step: StepResult; action: LocalAction; env: Record<string, string>; state: Record<string, string> }[] = [];
  private failed = false;
  private jobEnv: Record<string, string> = {};
  private readonly runnerTemp: string;
  private readonly eventPath: string;
  private counter = 0;

  constructor(private readonly e: JobEnvironment) {
    this.runnerTemp = join(e.temp, e.job.id, 'runner_temp');
    mkdirSync(this.runnerTemp, { recursive: true });
    mkdirSync(join(e.temp, 'home'), { recursive: true });
    this.eventPath = join(e.temp, e.job.id, 'event.json');
    writeFileSync(this.eventPath, JSON.stringify(e.payload));
  }

  private github(): Record<string, unknown> {
    const e = this.e;
    return {
      event: e.payload, event_name: e.event, ref: e.ref, ref_name: e.ref.replace(/^refs\/(heads|tags)\//, ''), sha: e.sha,
      repository: e.repository, repository_owner: e.repository.split('/')[0], run_id: String(e.runId), run_number: '1', run_attempt: '1',
      workspace: e.workspace, token: e.token, workflow: e.workflow.name ?? e.workflowFile, workflow_ref: this.workflowRef(), job: e.job.id,
      head_ref: e.headRef, base_ref: e.baseRef, server_url: 'https://github.com', api_url: e.apiUrl, actor: 'octocat',
    };
  }

  private workflowRef(): string {
    return `${this.e.repository}/.github/workflows/${this.e.workflowFile}@${this.e.ref}`;
  }

  private context(env: Record<string, string>): EvalContext {
    const e = this.e;
    return {
      contexts: {
        github: this.github(),
        env,
        vars: e.vars,
        secrets: e.secrets,
        inputs: e.event === 'workflow_dispatch' ? ((e.payload.inputs as Record<string, unknown> | undefined) ?? {}) : {},
        steps: this.stepsContext,
        needs: e.needs,
        runner: { temp: this.runnerTemp, os: 'Linux', arch: 'X64', name: 'harness' },
        job: { status: this.failed ? 'failure' : 'success' },
      },
      status: { failed: this.failed, cancelled: false },
    };
  }

  private evalMap(map: Record<string, Scalar> | undefined, env: Record<string, string>): Record<string, string> {
    const ctx = this.context(env);
    return Object.fromEntries(Object.entries(map ?? {}).map(([k, v]) => [k, typeof v === 'string' ? interpolateString(v, ctx) : String(v)]));
  }

  private baseEnv(files: Record<'output' | 'env' | 'path' | 'summary' | 'state', string>): Record<string, string> {
    const e = this.e;
    const isPr = e.event === 'pull_request';
    const hostPath = e.extraEnv.PATH ?? process.env.PATH ?? '/usr/bin:/bin';
    return {
      HOME: join(e.temp, 'home'),
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      RUNNER_OS: 'Linux',
      RUNNER_ARCH: 'X64',
      RUNNER_TEMP: this.runnerTemp,
      GITHUB_WORKSPACE: e.workspace,
      GITHUB_REPOSITORY: e.repository,
      GITHUB_REPOSITORY_OWNER: e.repository.split('/')[0] ?? '',
      GITHUB_SHA: e.sha,
      GITHUB_REF: e.ref,
      GITHUB_REF_NAME: e.ref.replace(/^refs\/(heads|tags)\//, ''),
      GITHUB_EVENT_NAME: e.event,
      GITHUB_EVENT_PATH: this.eventPath,
      GITHUB_OUTPUT: files.output,
      GITHUB_ENV: files.env,
      GITHUB_PATH: files.path,
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_STATE: files.state,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: e.apiUrl,
      GITHUB_GRAPHQL_URL: `${e.apiUrl}/graphql`,
      GITHUB_RUN_ID: String(e.runId),
      GITHUB_RUN_NUMBER: '1',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_JOB: e.job.id,
      GITHUB_ACTOR: 'octocat',
      GITHUB_WORKFLOW: e.workflow.name ?? e.workflowFile,
      GITHUB_WORKFLOW_REF: this.workflowRef(),
      ...(isPr ? { GITHUB_HEAD_REF: e.headRef, GITHUB_BASE_REF: e.baseRef } : {}),
      ...e.extraEnv,
      PATH: [...this.githubPath].reverse().concat(hostPath).join(':'),
    };
  }

  async run(): Promise<JobResult> {
    const e = this.e;
    const workflowEnv = this.evalMap(e.workflow.env, {});
    this.jobEnv = { ...workflowEnv, ...this.evalMap(e.job.env, workflowEnv) };
    for (const [i, step] of e.job.steps.entries()) await this.step(step, i);
    for (const p of this.posts.reverse()) await this.post(p);
    const outputs = this.evalMap(e.job.outputs, this.jobEnv);
    return {
      id: e.job.id,
      result: this.failed ? 'failure' : 'success',
      permissions: e.job.permissions ?? e.workflow.permissions,
      steps: this.steps,
      outputs,
      summary: this.steps.map((s) => s.summary).join(''),
      annotations: this.steps.flatMap((s) => s.commands.filter((c) => ['error', 'warning', 'notice'].includes(c.command))),
    };
  }

  /** The step's own timeout-minutes when it is shorter than the harness's limit. */
  private timeout(s: StepDef): number {
    return s.timeoutMinutes !== undefined && Number.isFinite(s.timeoutMinutes) ? Math.min(this.e.stepTimeoutMs, s.timeoutMinutes * 60_000) : this.e.stepTimeoutMs;
  }

  private stepFiles(): Record<'output' | 'env' | 'path' | 'summary' | 'state', string> {
    const dir = join(this.e.temp, this.e.job.id, `step-${this.counter++}`);
    mkdirSync(dir, { recursive: true });
    const files = { output: join(dir, 'output'), env: join(dir, 'env'), path: join(dir, 'path'), summary: join(dir, 'summary.md'), state: join(dir, 'state') };
    for (const f of Object.values(files)) writeFileSync(f, '');
    return files;
  }

  private async step(s: StepDef, index: number): Promise<void> {
    const id = s.id ?? `__${index}`;
    const name = s.name ?? s.uses ?? `Run ${(s.run ?? '').split('\n')[0] ?? ''}`;
    const skipped = (): void => {
      const r: StepResult = { id, name, outcome: 'skipped', conclusion: 'skipped', exitCode: null, outputs: {}, stdout: '', stderr: '', commands: [], summary: '' };
      this.steps.push(r);
      this.stepsContext[id] = { outputs: {}, outcome: 'skipped', conclusion: 'skipped' };
    };
    const envCtx = { ...this.jobEnv, ...this.githubEnv };
    if (!evaluateCondition(s.if, this.context(envCtx))) return skipped();
    const stepEnv = { ...envCtx, ...this.evalMap(s.env, envCtx) };
    const files = this.stepFiles();
    const base = this.baseEnv(files);
    // A workflow's env cannot replace the runner's own GITHUB_* and RUNNER_* variables (GitHub ignores that too).
    const defaults = Object.fromEntries(Object.entries(base).filter(([k]) => /^(GITHUB|RUNNER)_/.test(k)));
    const env = { ...base, ...stepEnv, ...defaults };
    const ctx = this.context(stepEnv);
    let r: StepResult;
    if (s.run !== undefined) {
      const script = join(files.summary, '..', 'script.sh');
      writeFileSync(script, interpolateString(s.run, ctx));
      const cwd = resolve(this.e.workspace, s.workingDirectory ?? '.');
      const p = await runProcess(['bash', '--noprofile', '--norc', '-eo', 'pipefail', script], cwd, env, this.timeout(s), this.e.groups);
      r = this.collect(id, name, p.code, p.stdout, p.stderr, files, env);
      if (p.timedOut) r.commands.push({ command: 'error', properties: {}, message: `The step timed out after ${this.timeout(s)} ms` });
    } else {
      r = await this.uses(s, id, name, env, files, ctx);
    }
    const continueOnError = s.continueOnError !== undefined && truthy(typeof s.continueOnError === 'string' ? interpolate(s.continueOnError, ctx) : s.continueOnError);
    if (r.outcome === 'failure' && continueOnError) r.conclusion = 'success';
    if (r.conclusion === 'failure') this.failed = true;
    this.steps.push(r);
    this.stepsContext[id] = { outputs: r.outputs, outcome: r.outcome, conclusion: r.conclusion };
  }

  private collect(id: string, name: string, code: number | null, stdout: string, stderr: string, files: Record<string, string>, env: Record<string, string>): StepResult {
    const read = (f: string | undefined) => readFileSync(f ?? '', 'utf8');
    Object.assign(this.githubEnv, parseOutputFile(read(files.env)));
    this.githubPath.push(...read(files.path).split('\n').map((l) => l.trim()).filter(Boolean));
    const outcome = code === 0 ? 'success' : 'failure';
    const commands = parseWorkflowCommands(stdout);
    let summary = read(files.summary);
    // GitHub drops a step summary over 1 MiB and says so, rather than truncating it.
    if (Buffer.byteLength(summary) > SUMMARY_LIMIT) {
      commands.push({ command: 'error', properties: {}, message: `$GITHUB_STEP_SUMMARY upload aborted, supports content up to a size of 1024k, got ${Math.ceil(Buffer.byteLength(summary) / 1024)}k.` });
      summary = '';
    }
    return { id, name, outcome, conclusion: outcome, exitCode: code, outputs: parseOutputFile(read(files.output)), stdout, stderr, commands, summary, env };
  }

  private async uses(s: StepDef, id: string, name: string, env: Record<string, string>, files: Record<'output' | 'env' | 'path' | 'summary' | 'state', string>, ctx: EvalContext): Promise<StepResult> {
    const uses = s.uses ?? '';
    const withs = this.evalMap(s.with, ctx.contexts.env as Record<string, string>);
    const stub = stubFor(uses);
    if (stub) {
      const unknown = Object.keys(withs).find((k) => !stub.inputs.includes(k));
      if (unknown) throw new WorkflowUnsupportedError(`${uses}: unknown input ${unknown}`);
      const lines: string[] = [];
      let code = 0;
      try {
        stub.run({ inputs: withs, workspace: this.e.workspace, artifacts: this.e.artifacts, store: this.e.store, log: (l) => lines.push(l) });
      } catch (err) {
        if (err instanceof WorkflowUnsupportedError) throw err;
        lines.push(`::error::${err instanceof Error ? err.message : String(err)}`);
        code = 1;
      }
      return { ...this.collect(id, name, code, lines.join('\n'), '', files, env), inputs: withs };
    }
    const dir = localActionDir(uses, ROOT, this.e.actionMap);
    if (!dir) throw new WorkflowUnsupportedError(`uses: ${uses} is neither one of this repo's actions nor a stubbed third-party action`);
    const action = readLocalAction(dir);
    const unknown = Object.keys(withs).find((k) => !(k in action.inputs));
    if (unknown) throw new WorkflowUnsupportedError(`${uses}: input ${unknown} is not declared in ${dir}/action.yml`);
    const inputs: Record<string, string> = {};
    for (const [k, v] of Object.entries(action.inputs)) if (v.default !== undefined) inputs[k] = interpolateString(v.default, ctx);
    Object.assign(inputs, withs);
    const actionEnv = {
      ...env,
      ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [INPUT_NAME(k), v])),
      ...(this.e.artifactService ? { ACTIONS_RUNTIME_TOKEN: this.e.artifactService.runtimeToken, ACTIONS_RESULTS_URL: this.e.artifactService.url } : {}),
    };
    const p = await runProcess([process.execPath, action.main], this.e.workspace, actionEnv, this.timeout(s), this.e.groups);
    const r = { ...this.collect(id, name, p.code, p.stdout, p.stderr, files, actionEnv), inputs };
    if (p.timedOut) r.commands.push({ command: 'error', properties: {}, message: `The action ${uses} timed out after ${this.timeout(s)} ms` });
    if (action.post) this.posts.push({ step: r, action, env: actionEnv, state: parseOutputFile(readFileSync(files.state, 'utf8')) });
    return r;
  }

  private async post(p: { step: StepResult; action: LocalAction; env: Record<string, string>; state: Record<string, string> }): Promise<void> {
    if (!p.action.post) return;
    const files = this.stepFiles();
    // The main step's env and inputs, fresh runner files, and the state it saved.
    const env = { ...p.env, ...this.baseEnv(files), ...Object.fromEntries(Object.entries(p.state).map(([k, v]) => [`STATE_${k}`, v])) };
    if (!evaluateCondition(p.action.postIf ?? 'always()', this.context({ ...this.jobEnv, ...this.githubEnv }))) return;
    const r = await runProcess([process.execPath, p.action.post], this.e.workspace, env, this.e.stepTimeoutMs, this.e.groups);
    const result = this.collect(`${p.step.id}-post`, `Post ${p.step.name}`, r.code, r.stdout, r.stderr, files, env);
    if (result.conclusion === 'failure') this.failed = true;
    this.steps.push(result);
  }
}

export async function runJob(e: JobEnvironment): Promise<JobResult> {
  const status = { failed: Object.values(e.needs).some((n) => n.result !== 'success'), cancelled: false };
  const ctx: EvalContext = {
    contexts: {
      github: { event: e.payload, event_name: e.event, ref: e.ref, sha: e.sha, repository: e.repository, run_id: String(e.runId), workflow: e.workflow.name ?? e.workflowFile, head_ref: e.headRef, base_ref: e.baseRef },
      needs: e.needs,
      vars: e.vars,
      inputs: {},
    },
    status,
  };
  if (!evaluateCondition(e.job.if, ctx)) {
    return { id: e.job.id, result: 'skipped', permissions: e.job.permissions ?? e.workflow.permissions, steps: [], outputs: {}, summary: '', annotations: [] };
  }
  return new Job(e).run();
}

