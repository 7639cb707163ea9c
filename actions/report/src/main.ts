import { readdirSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import picomatch from 'picomatch';
import { UserError, writeOutputsAtomic, type Notification } from '@rampart/core';
import {
  PULL_REQUEST_FILE,
  createOctokit,
  envValue,
  isForkPullRequest,
  pullRequestFileOf,
  readGithubContext,
  readInputs,
  serializePullRequestFile,
  triggeringRunOf,
  workflowFileOf,
  type ActionsIO,
  type Env,
  type GithubClient,
  type GithubContext,
  type Inputs,
  type OctokitSettings,
  type PublishTarget,
} from '@rampart/ci';
import { runReport, type ReportOutcome, type SettingFlags } from '@rampart/cli/report';
import { actionCliDeps, failStep, publishOptions, publishOutcome, submitSnapshotFromInventory, type PublishOptions } from '@rampart/cli/github';
import { autoBaseline } from './baseline.js';
import { REPORT_INPUTS } from './inputs.js';
import { loadTriggeringRun } from './stage-two.js';

export interface RunDeps {
  io: ActionsIO;
  env: Env;
  now: () => Date;
  /** Tests shorten the API client's waits. */
  octokit?: Partial<Omit<OctokitSettings, 'token' | 'apiUrl' | 'io'>>;
}

type ReportInputs = Inputs<typeof REPORT_INPUTS>;

/** Globs in `files` are expanded here; the runner does not run a shell for inputs. */
export function expandFiles(patterns: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  for (const pattern of patterns) {
    if (!/[*?[]/.test(pattern)) {
      out.push(pattern);
      continue;
    }
    const isMatch = picomatch(pattern, { dot: false });
    const matches = readdirSync(cwd, { recursive: true, encoding: 'utf8' })
      .map((p) => p.replace(/\\/g, '/'))
      .filter((p) => !p.includes('node_modules/') && !p.startsWith('.git/') && isMatch(p))
      .sort();
    if (matches.length === 0) {
      throw new UserError(`no file matches "${pattern}"`, { field: 'with.files', expected: 'existing report files' });
    }
    out.push(...matches);
  }
  return out;
}

function flagsFrom(i: ReportInputs): SettingFlags {
  const flags: SettingFlags = { outDir: i.outputDir, newOnly: i.newOnly };
  if (i.failOn) flags.failOn = i.failOn;
  if (i.baseline && i.baseline !== 'auto') flags.baseline = i.baseline;
  if (i.config) flags.config = i.config;
  if (i.formats) flags.formats = i.formats;
  if (i.category) flags.category = i.category;
  return flags;
}

type BaselineLookup = Parameters<typeof autoBaseline>[0];

/** The report's flags, with `baseline: auto` resolved for the pull request `lookup` names (none: no lookup). */
async function reportFlags(i: ReportInputs, lookup: BaselineLookup | undefined, deps: RunDeps): Promise<{ flags: SettingFlags; notes: Notification[] }> {
  const flags = flagsFrom(i);
  if (i.baseline !== 'auto' || lookup === undefined) return { flags, notes: [] };
  const b = await autoBaseline(lookup, deps);
  return { flags: { ...flags, ...(b.path ? { baseline: b.path } : {}), ...(b.source ? { baselineSource: b.source } : {}) }, notes: b.notes };
}

/** The old boolean values of `annotations` keep their meaning: true annotated, false did not. */
function annotationMode(v: ReportInputs['annotations']): 'changed' | 'all' | 'none' {
  if (v === 'true') return 'changed';
  if (v === 'false') return 'none';
  return v;
}

function basePublishOptions(i: ReportInputs): PublishOptions {
  return {
    ...publishOptions({ comment: i.comment, uploadSarif: i.uploadSarif, annotations: false, githubToken: i.githubToken }, 'report'),
    annotations: annotationMode(i.annotations),
    reviewComments: i.reviewComments,
    sarifPerKind: true,
  };
}

function tryContext(env: Env): GithubContext | undefined {
  if (!envValue(env, 'GITHUB_REPOSITORY')) return undefined;
  return readGithubContext(env);
}

async function clientFor(i: ReportInputs, ctx: GithubContext, deps: RunDeps): Promise<GithubClient | undefined> {
  const token = i.githubToken?.trim();
  if (!token) return undefined;
  return createOctokit({ ...deps.octokit, token, apiUrl: ctx.apiUrl, io: deps.io });
}

/**
 * Stage one (pull_request, push, anything with `files`): merge the scanners' reports, gate, write the reports and,
 * on a pull request, `pull-request.json` for stage two. A fork's pull request (or `publish: false`) writes nothing
 * to the API: its token cannot, and the workflow_run stage publishes for it.
 */
async function stageOne(i: ReportInputs, ctx: GithubContext | undefined, cwd: string, deps: RunDeps): Promise<number> {
  const pr = ctx ? pullRequestFileOf(ctx) : undefined;
  const lookup = ctx && pr
    ? { client: await clientFor(i, ctx, deps), owner: ctx.owner, repo: ctx.repo, workflowFile: workflowFileOf(envValue(deps.env, 'GITHUB_WORKFLOW_REF')), baseRef: pr.baseRef, artifactName: i.artifactName }
    : undefined;
  const { flags, notes } = await reportFlags(i, lookup, deps);
  const req = { inputs: expandFiles(i.files, cwd), flags, notes, ...(i.format ? { format: i.format } : {}) };
  const outcome = await runReport(req, actionCliDeps(deps.io, deps.env, cwd, deps.now));
  if (pr) await writeOutputsAtomic(outDirOf(outcome, cwd), [{ name: PULL_REQUEST_FILE, content: serializePullRequestFile(pr) }]);
  const opts = basePublishOptions(i);
  // pull_request_target runs with the base repository's token, which may write; only pull_request's is read-only.
  const fork = ctx?.eventName === 'pull_request' && isForkPullRequest(ctx);
  if (fork) {
    opts.writes = false;
    opts.noWritesReason = `this pull request comes from a fork, whose token may not write; upload ${i.outputDir} as the ${i.artifactName} artifact and the workflow_run stage (examples/workflows/security-report.yml) publishes them`;
  } else if (!i.publish) {
    opts.writes = false;
    opts.noWritesReason = 'the publish input is false';
  }
  await publishOutcome(outcome, cwd, opts, deps);
  if (i.sbom && opts.writes !== false) {
    const r = await submitSnapshotFromInventory(i.sbom, i.githubToken, { ...deps, cwd, ...(deps.octokit ? { octokit: deps.octokit } : {}) });
    deps.io.setOutput('snapshot', r.status);
  }
  return outcome.exitCode;
}

function outDirOf(outcome: ReportOutcome, cwd: string): string {
  const d = outcome.settings.outDir;
  return isAbsolute(d) ? d : resolve(cwd, d);
}

/**
 * Stage two (workflow_run): publish what the triggering run found, on the pull request the API confirms. The gate
 * is reported but fails the step only when `fail-on` was set explicitly: stage one already failed on it, and a red
 * workflow_run job on the default branch would only repeat that.
 */
async function stageTwo(i: ReportInputs, ctx: GithubContext, cwd: string, deps: RunDeps): Promise<number> {
  const run = triggeringRunOf(ctx.eventName, ctx.payload);
  if (!run) throw new UserError('the workflow_run event names no run', { file: 'GITHUB_EVENT_PATH', field: 'workflow_run.id', expected: 'the triggering run' });
  if (run.event !== undefined && run.event !== 'pull_request') {
    // A push (or scheduled) run had a write token and published itself; only pull requests need this stage.
    deps.io.info(`The triggering run was a ${run.event} run, not a pull request: nothing to publish.`);
    return 0;
  }
  const client = await clientFor(i, ctx, deps);
  if (!client) throw new UserError('stage two needs a token', { field: 'with.github-token', expected: 'a token with actions: read and pull-requests: write' });
  const loaded = await loadTriggeringRun(client, { owner: ctx.owner, repo: ctx.repo, run, artifactName: i.artifactName }, deps.env);
  if ('skip' in loaded) {
    deps.io.warning(`Rampart published nothing: ${loaded.skip}.`);
    return 0;
  }
  const lookup = loaded.pullRequest
    ? { client, owner: ctx.owner, repo: ctx.repo, workflowFile: run.workflowFile, baseRef: loaded.pullRequest.baseRef, artifactName: i.artifactName }
    : undefined;
  const { flags, notes } = await reportFlags(i, lookup, deps);
  const outcome = await runReport({ inputs: [loaded.findingsPath], flags, notes, format: 'rampart' }, actionCliDeps(deps.io, deps.env, cwd, deps.now));
  const opts = basePublishOptions(i);
  if (loaded.pullRequest) {
    const n = loaded.pullRequest.number;
    const target: PublishTarget = { pullRequestNumber: n, sha: run.headSha, ref: `refs/pull/${n}/head` };
    opts.target = target;
  } else {
    deps.io.warning(`Rampart did not publish to a pull request: ${loaded.why ?? 'none was named'}.`);
    opts.writes = false;
    opts.noWritesReason = 'the triggering run\'s pull request could not be confirmed';
  }
  if (!i.publish) {
    opts.writes = false;
    opts.noWritesReason = 'the publish input is false';
  }
  const explicit = i.failOn !== undefined;
  if (outcome.exitCode !== 0 && !explicit) deps.io.info('The gate failed; the pull_request run already failed on it, so this step stays green (set fail-on to fail it too).');
  await publishOutcome(explicit ? outcome : { ...outcome, exitCode: 0 }, cwd, opts, deps);
  return explicit ? outcome.exitCode : 0;
}

/**
 * The action: the same pipeline as `rampart report`, then GitHub's surfaces (outputs, summary, annotations,
 * sticky comment, SARIF upload per category). Returns the step's exit code: 1 only when the gate fails; problems
 * with the comment or upload are notices, never a red step.
 */
export async function run(deps: RunDeps): Promise<number> {
  try {
    const inputs = readInputs(REPORT_INPUTS, deps.env, deps.io);
    const cwd = deps.env.GITHUB_WORKSPACE || process.cwd();
    const ctx = tryContext(deps.env);
    if (ctx?.eventName === 'workflow_run' && inputs.files.length === 0) return await stageTwo(inputs, ctx, cwd, deps);
    return await stageOne(inputs, ctx, cwd, deps);
  } catch (err) {
    return failStep(err, deps.io);
  }
}
