/**
 * Runs a GitHub Actions workflow file the way the runner would, for the subset of syntax Rampart's example
 * workflows use: triggers, permissions, env, needs/if, run and uses steps (our bundled actions from this repo,
 * stubs for a few third-party ones), outputs, the runner's files and the expression language. Everything outside
 * the subset throws, naming the construct.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { defaultPullRequestEvent, DEFAULT_REPOSITORY, DEFAULT_SHA, DEFAULT_TOKEN } from './github-runner.js';
import { parseWorkflow, type Permissions, type WorkflowDef } from './workflow-model.js';
import { runJob, type JobResult, type JobEnvironment } from './workflow-job.js';
import { killGroup } from './workflow-process.js';
import type { UploadedArtifact, WorkflowRunStore } from './workflow-stubs.js';
import { triggerMismatch } from './workflow-triggers.js';
import type { WorkflowCommand } from './workflow-files.js';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');

export interface RunWorkflowOptions {
  /** Path of the workflow file. */
  workflow: string;
  /** `pull_request`, `push`, `workflow_run`… */
  event: string;
  /** The webhook payload; a function receives the default (a pull_request payload for pull_request) to change. */
  payload?: Record<string, unknown> | ((defaults: Record<string, unknown>) => Record<string, unknown>);
  /** The checkout the test prepared: `GITHUB_WORKSPACE` and every step's working directory. */
  workspace: string;
  /** `GITHUB_API_URL`, normally the fake GitHub's URL. */
  apiUrl?: string;
  token?: string;
  vars?: Readonly<Record<string, string>>;
  secrets?: Readonly<Record<string, string>>;
  runId?: number;
  repository?: string;
  /** `GITHUB_SHA`; for pull_request the default payload's head sha too. */
  sha?: string;
  /** Default: `refs/pull/<n>/merge` for pull_request, else `refs/heads/main`. */
  ref?: string;
  pullRequestNumber?: number;
  /** Run only these jobs (each job they need must be among them). */
  jobs?: readonly string[];
  /** `uses:` references mapped to local action folders, on top of `./actions/<name>` and `<owner>/rampart/actions/<name>@<ref>`. */
  actions?: Readonly<Record<string, string>>;
  /** The fake GitHub: the run and its artifacts are registered there when the workflow finishes. */
  github?: WorkflowRunStore;
  /** The fake artifact service, for actions that upload through @actions/artifact themselves. */
  artifactService?: { url: string; runtimeToken: string };
  /** Extra variables for every step (e.g. a PATH without docker). */
  env?: Readonly<Record<string, string>>;
  /** Per step; default 5 minutes. */
  stepTimeoutMs?: number;
  keepTemp?: boolean;
}

export interface WorkflowResult {
  conclusion: 'success' | 'failure';
  runId: number;
  /** The workflow's top-level `permissions:`. */
  permissions: Permissions | undefined;
  jobs: Record<string, JobResult>;
  /** Every job's summary, in job order. */
  summary: string;
  /** error / warning / notice commands of every step. */
  annotations: WorkflowCommand[];
  artifacts: UploadedArtifact[];
}

function payloadFor(o: RunWorkflowOptions, repository: string, sha: string, n: number): Record<string, unknown> {
  const repoName = repository.split('/')[1] ?? '';
  const repo = { full_name: repository, name: repoName, owner: { login: repository.split('/')[0] ?? '' }, fork: false };
  const base = o.event === 'pull_request' ? defaultPullRequestEvent(repository, n, sha) : { repository: repo };
  return typeof o.payload === 'function' ? o.payload(base) : (o.payload ?? base);
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The branch and head sha GitHub lists a run under (the PR's head for pull_request runs). */
function runIdentity(event: string, payload: Record<string, unknown>, ref: string, sha: string): { branch: string; headSha: string } {
  const pr = payload.pull_request as { head?: { ref?: unknown; sha?: unknown } } | undefined;
  if (event === 'pull_request' && pr?.head) return { branch: str(pr.head.ref) ?? '', headSha: str(pr.head.sha) ?? sha };
  return { branch: ref.replace(/^refs\/heads\//, ''), headSha: sha };
}

export async function runWorkflow(o: RunWorkflowOptions): Promise<WorkflowResult> {
  const def: WorkflowDef = parseWorkflow(readFileSync(o.workflow, 'utf8'));
  const repository = o.repository ?? DEFAULT_REPOSITORY;
  const sha = o.sha ?? DEFAULT_SHA;
  const n = o.pullRequestNumber ?? 7;
  const ref = o.ref ?? (o.event === 'pull_request' ? `refs/pull/${n}/merge` : 'refs/heads/main');
  const payload = payloadFor(o, repository, sha, n);
  const mismatch = triggerMismatch(def, o.event, payload, ref);
  if (mismatch) throw new Error(`workflow-runner: ${basename(o.workflow)} would not run: ${mismatch}`);
  const runId = o.runId ?? 1000;
  const selected = o.jobs ? def.jobs.filter((j) => o.jobs?.includes(j.id)) : def.jobs;
  for (const j of selected) {
    const missing = j.needs.find((x) => !selected.some((s) => s.id === x));
    if (missing) throw new Error(`workflow-runner: job ${j.id} needs ${missing}, which is not selected`);
  }
  const temp = mkdtempSync(join(tmpdir(), 'rampart-workflow-'));
  const groups: number[] = [];
  const artifacts = new Map<string, UploadedArtifact>();
  const jobs: Record<string, JobResult> = {};
  try {
    const pr = payload.pull_request as { head?: { ref?: unknown }; base?: { ref?: unknown } } | undefined;
    const file = basename(o.workflow);
    const shared: Omit<JobEnvironment, 'job' | 'needs'> = {
      workflow: def,
      workflowFile: file,
      workspace: o.workspace,
      temp,
      repository,
      sha,
      ref,
      event: o.event,
      payload,
      runId,
      token: o.token ?? DEFAULT_TOKEN,
      apiUrl: o.apiUrl ?? 'http://127.0.0.1:9',
      vars: o.vars ?? {},
      secrets: { GITHUB_TOKEN: o.token ?? DEFAULT_TOKEN, ...(o.secrets ?? {}) },
      headRef: o.event === 'pull_request' ? (str(pr?.head?.ref) ?? '') : '',
      baseRef: o.event === 'pull_request' ? (str(pr?.base?.ref) ?? '') : '',
      actionMap: o.actions ?? {},
      store: o.github,
      artifacts,
      artifactService: o.artifactService,
      extraEnv: o.env ?? {},
      stepTimeoutMs: o.stepTimeoutMs ?? 300_000,
      groups,
    };
    for (const job of selected) {
      const needs = Object.fromEntries(job.needs.map((x) => [x, { result: jobs[x]?.result ?? 'skipped', outputs: jobs[x]?.outputs ?? {} }]));
      jobs[job.id] = await runJob({ ...shared, job, needs });
      // The runner ends whatever a job left running (a background server) when the job ends.
      while (groups.length > 0) killGroup(groups.pop() ?? 0);
    }
  } finally {
    while (groups.length > 0) killGroup(groups.pop() ?? 0);
    if (!o.keepTemp) rmSync(temp, { recursive: true, force: true });
  }
  const all = Object.values(jobs);
  const conclusion = all.some((j) => j.result === 'failure') ? 'failure' : 'success';
  if (o.github) {
    const [owner = '', repo = ''] = repository.split('/');
    const { branch, headSha } = runIdentity(o.event, payload, ref, sha);
    o.github.addWorkflowRun({ owner, repo, workflowFile: basename(o.workflow), branch, event: o.event, conclusion, headSha, id: runId });
    for (const a of artifacts.values()) o.github.addRunArtifact({ owner, repo, runId, name: a.name, zip: a.zip });
  }
  return {
    conclusion,
    runId,
    permissions: def.permissions,
    jobs,
    summary: all.map((j) => j.summary).join(''),
    annotations: all.flatMap((j) => j.annotations),
    artifacts: [...artifacts.values()],
  };
}
