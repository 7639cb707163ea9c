import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actionYmlInputDefaults } from '../../packages/ci/src/github/action-yml.js';
import { parseOutputFile, parseWorkflowCommands, type WorkflowCommand } from './workflow-files.js';

export type InputValue = string | number | boolean | readonly string[];

export interface RunActionOptions {
  /** The bundled action, e.g. `actions/sast/dist/index.js`. */
  script: string;
  /** The checkout: `GITHUB_WORKSPACE` and the working directory. */
  cwd: string;
  /** Inputs as a workflow's `with:`; lists are joined with newlines. */
  inputs?: Readonly<Record<string, InputValue>>;
  /** action.yml text: its defaults are set for inputs not given, as the runner does. */
  actionYml?: string;
  /** `GITHUB_API_URL`, normally the fake server's URL. */
  apiUrl?: string;
  /** `GITHUB_EVENT_NAME`; default `pull_request`. */
  eventName?: string;
  /** The webhook payload; a function receives the default pull_request payload to change. */
  event?: Record<string, unknown> | ((defaults: Record<string, unknown>) => Record<string, unknown>);
  repository?: string;
  sha?: string;
  /** Default: `refs/pull/<n>/merge` for pull_request events, else `refs/heads/main`. */
  ref?: string;
  pullRequestNumber?: number;
  /** What `${{ github.token }}` evaluates to. */
  token?: string;
  /** Extra variables; the host's environment is not inherited, so a run on a real runner stays isolated. */
  env?: Readonly<Record<string, string>>;
  timeoutMs?: number;
  /** Keep the runner temp dir (outputs, summary, event file) for debugging. */
  keepTemp?: boolean;
}

export interface RunActionResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Parsed from the `GITHUB_OUTPUT` file. */
  outputs: Record<string, string>;
  /** The `GITHUB_STEP_SUMMARY` file's text. */
  summary: string;
  /** Workflow commands printed on stdout (annotations, add-mask, groups…). */
  commands: WorkflowCommand[];
  /** Values registered with `::add-mask::`. */
  masked: string[];
  /** The env the action ran with. */
  env: Record<string, string>;
}

export const DEFAULT_REPOSITORY = 'acme/shop';
export const DEFAULT_SHA = '0123456789abcdef0123456789abcdef01234567';
export const DEFAULT_TOKEN = 'ghs_harnessTokenNotARealOne0000000000';

export function defaultPullRequestEvent(repository: string, n: number, sha: string): Record<string, unknown> {
  const [owner = 'acme', name = 'shop'] = repository.split('/');
  const repo = { full_name: repository, name, owner: { login: owner }, fork: false };
  return {
    action: 'synchronize',
    number: n,
    pull_request: {
      number: n,
      html_url: `https://github.com/${repository}/pull/${n}`,
      head: { ref: 'feature', sha, repo },
      base: { ref: 'main', sha: 'f'.repeat(40), repo },
    },
    repository: repo,
  };
}

function inputEnv(inputs: Readonly<Record<string, InputValue>>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, v] of Object.entries(inputs)) {
    const value = Array.isArray(v) ? v.join('\n') : String(v);
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  return env;
}

/** Evaluates the few expressions action.yml defaults use; anything else is a harness limitation, said loudly. */
function evaluate(value: string, vars: Record<string, string>): string {
  return value.replace(/\$\{\{\s*([\w.]+)\s*\}\}/g, (_m, expr: string) => {
    const v = vars[expr];
    if (v === undefined) throw new Error(`github-runner: unsupported expression \${{ ${expr} }} in an action.yml default`);
    return v;
  });
}

function prepare(o: RunActionOptions, temp: string): Record<string, string> {
  const repository = o.repository ?? DEFAULT_REPOSITORY;
  const sha = o.sha ?? DEFAULT_SHA;
  const eventName = o.eventName ?? 'pull_request';
  const n = o.pullRequestNumber ?? 7;
  const isPr = eventName === 'pull_request' || eventName === 'pull_request_target';
  const base = defaultPullRequestEvent(repository, n, sha);
  const payload = typeof o.event === 'function' ? o.event(base) : (o.event ?? (isPr ? base : {}));
  const files = { event: join(temp, 'event.json'), output: join(temp, 'output'), summary: join(temp, 'step_summary.md'), state: join(temp, 'state'), envFile: join(temp, 'env'), path: join(temp, 'path') };
  writeFileSync(files.event, JSON.stringify(payload));
  for (const f of [files.output, files.summary, files.state, files.envFile, files.path]) writeFileSync(f, '');
  const runnerTemp = join(temp, 'runner_temp');
  mkdirSync(runnerTemp);
  const ref = o.ref ?? (eventName === 'pull_request' ? `refs/pull/${n}/merge` : 'refs/heads/main');
  const vars: Record<string, string> = {
    'github.token': o.token ?? DEFAULT_TOKEN, 'github.workspace': o.cwd, 'github.repository': repository,
    'github.sha': sha, 'github.ref': ref, 'github.event_name': eventName, 'runner.temp': runnerTemp,
  };
  const defaults = o.actionYml ? actionYmlInputDefaults(o.actionYml) : {};
  const evaluated = Object.fromEntries(Object.entries(defaults).map(([k, v]) => [k, evaluate(v, vars)]));
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: temp,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_TEMP: runnerTemp,
    GITHUB_WORKSPACE: o.cwd,
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: repository.split('/')[0] ?? '',
    GITHUB_SHA: sha,
    GITHUB_REF: ref,
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    GITHUB_ENV: files.envFile,
    GITHUB_PATH: files.path,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: o.apiUrl ?? 'http://127.0.0.1:9',
    GITHUB_GRAPHQL_URL: `${o.apiUrl ?? 'http://127.0.0.1:9'}/graphql`,
    GITHUB_RUN_ID: '1000',
    GITHUB_RUN_NUMBER: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'scan',
    GITHUB_ACTION: 'rampart',
    GITHUB_ACTOR: 'octocat',
    GITHUB_WORKFLOW: 'security',
    ...(isPr ? { GITHUB_HEAD_REF: 'feature', GITHUB_BASE_REF: 'main' } : {}),
    ...inputEnv(evaluated),
    ...inputEnv(o.inputs ?? {}),
    ...(o.env ?? {}),
  };
}

function spawnNode(script: string, cwd: string, env: Record<string, string>, timeoutMs: number) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve, reject) => {
    // An argument vector, never a shell string.
    const child = spawn(process.execPath, [script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/**
 * Runs a bundled action the way the runner does: `node <script>` in the workspace with `INPUT_*`, the
 * runner's files (`GITHUB_OUTPUT`, `GITHUB_STEP_SUMMARY`, event payload) and `GITHUB_*` variables, then
 * reads back the exit code, output, outputs, summary and workflow commands.
 */
export async function runAction(o: RunActionOptions): Promise<RunActionResult> {
  const temp = mkdtempSync(join(tmpdir(), 'rampart-runner-'));
  try {
    const env = prepare(o, temp);
    const r = await spawnNode(o.script, o.cwd, env, o.timeoutMs ?? 120_000);
    const outputs = parseOutputFile(readFileSync(env.GITHUB_OUTPUT ?? '', 'utf8'));
    const summary = readFileSync(env.GITHUB_STEP_SUMMARY ?? '', 'utf8');
    const commands = parseWorkflowCommands(r.stdout);
    const masked = commands.filter((c) => c.command === 'add-mask').map((c) => c.message);
    return { ...r, outputs, summary, commands, masked, env };
  } finally {
    if (!o.keepTemp) rmSync(temp, { recursive: true, force: true });
  }
}
