// What the GitHub actions share after a run: outputs, summary, annotations, PR comment, SARIF upload, and the
// mapping of errors to a failed step. Both actions are thin wrappers around a pipeline and this.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { ServiceError, UserError, countRun, renderSarif, writeOutputsAtomic, type Finding, type ScanRun, type Tool } from '@rampart/core';
import { publishDependencySnapshot, publishGithub, type ActionsIO, type OctokitSettings, type SnapshotSubmitResult, type Env, type PublishGithubOptions, type PublishTarget } from '@rampart/ci';
import type { CliDeps } from './deps.js';
import type { ReportOutcome } from './pipeline/finish.js';
import { VERSION } from './version.js';

export interface PublishOptions {
  comment: boolean;
  /** Tells this step's sticky comment apart from other Rampart steps' comments. */
  commentId: string;
  uploadSarif: boolean;
  annotations: PublishGithubOptions['annotations'];
  token?: string;
  /** Inline review comments for new findings on the changed lines. */
  reviewComments?: boolean;
  /** One SARIF per finding kind (`<kind>.sarif`, category `rampart/<kind>/`) instead of the run's one. */
  sarifPerKind?: boolean;
  /** `false`: no API writes (a fork's pull request, `publish: false`); `noWritesReason` says why, once. */
  writes?: boolean;
  noWritesReason?: string;
  /** Stage two: the pull request and commit to publish for. */
  target?: PublishTarget;
}

/** The publishing inputs every action has, under the names readInputs gives them. */
export interface PublishInputs {
  comment: boolean;
  uploadSarif: boolean;
  annotations: boolean;
  githubToken?: string | undefined;
}

export function publishOptions(inputs: PublishInputs, commentId: string): PublishOptions {
  return {
    comment: inputs.comment,
    commentId,
    uploadSarif: inputs.uploadSarif,
    annotations: inputs.annotations,
    ...(inputs.githubToken ? { token: inputs.githubToken } : {}),
  };
}

export async function publishOutcome(
  outcome: ReportOutcome,
  cwd: string,
  opts: PublishOptions,
  deps: { io: ActionsIO; env: Env },
): Promise<void> {
  const outDir = isAbsolute(outcome.settings.outDir) ? outcome.settings.outDir : resolve(cwd, outcome.settings.outDir);
  const file = (name: string) => (outcome.written.includes(join(outDir, name)) ? join(outDir, name) : undefined);
  const sarifPath = file(`${outcome.run.scanner}.sarif`);
  const summaryPath = file('summary.md');
  const findingsPath = file('findings.json');
  const counts = countRun(outcome.run);
  const perKind = opts.sarifPerKind && opts.uploadSarif ? await writeSarifPerKind(outcome.run, outDir, cwd) : undefined;
  const fresh = outcome.run.baseline ? new Set(outcome.run.baseline.new.map((f) => f.fingerprint)) : undefined;
  await publishGithub(
    {
      summaryMarkdown: summaryPath ? readFileSync(summaryPath, 'utf8') : '',
      findings: outcome.run.findings,
      counts: counts.bySeverity,
      newCount: counts.new,
      gate: outcome.run.gate ?? 'passed',
      reportDir: outDir,
      ...(sarifPath ? { sarifPath } : {}),
      reports: { ...(findingsPath ? { findings: findingsPath } : {}), ...(summaryPath ? { summary: summaryPath } : {}) },
      ...(sarifPath
        ? { sarif: { text: readFileSync(sarifPath, 'utf8'), startedAt: outcome.run.startedAt, toolName: 'Rampart' } }
        : {}),
      ...(perKind ? { sarifs: perKind } : {}),
      options: {
        comment: opts.comment,
        commentId: opts.commentId,
        uploadSarif: opts.uploadSarif,
        ...(opts.annotations !== undefined ? { annotations: opts.annotations } : {}),
        ...(opts.token ? { token: opts.token } : {}),
        ...(opts.reviewComments !== undefined ? { reviewComments: opts.reviewComments } : {}),
        ...(fresh ? { newFingerprints: fresh } : {}),
        ...(opts.writes !== undefined ? { writes: opts.writes } : {}),
        ...(opts.noWritesReason ? { noWritesReason: opts.noWritesReason } : {}),
        ...(opts.target ? { target: opts.target } : {}),
      },
    },
    deps,
  );
  if (outcome.exitCode !== 0) {
    const gate = outcome.run.gate;
    deps.io.setFailed(`Rampart gate failed: ${gate?.causes.length ?? 0} finding(s) at or above ${gate?.failOn ?? 'the threshold'}`);
  }
}

function uniqueTools(findings: readonly Finding[]): Tool[] {
  const byName = new Map<string, Tool>();
  for (const f of findings) if (!byName.has(f.tool.name)) byName.set(f.tool.name, f.tool);
  return [...byName.values()];
}

/**
 * One SARIF run set per finding kind, each under category `rampart/<kind>/`, so code scanning tracks every scanner's
 * alerts on its own. A kind the baseline had and the run no longer has still gets an empty SARIF (with the tools
 * that found it), because only an upload in that category closes its alerts.
 */
export function sarifPerKind(run: ScanRun, srcRoot: string): { name: string; content: string; category: string }[] {
  const fixed = run.baseline?.fixed ?? [];
  const kinds = [...new Set([...run.findings.map((f) => f.kind), ...fixed.map((f) => f.kind)])].sort();
  const out: { name: string; content: string; category: string }[] = [];
  for (const kind of kinds) {
    const findings = run.findings.filter((f) => f.kind === kind);
    const tools = uniqueTools(findings.length > 0 ? findings : fixed.filter((f) => f.kind === kind));
    const category = `rampart/${kind}/`;
    const baseline = run.baseline
      ? { new: run.baseline.new.filter((f) => f.kind === kind), unchanged: run.baseline.unchanged.filter((f) => f.kind === kind), fixed: fixed.filter((f) => f.kind === kind) }
      : undefined;
    const rendered = renderSarif({ ...run, scanner: kind, category, findings, tools, notifications: [], ...(baseline ? { baseline } : {}) }, { srcRoot });
    for (const f of rendered.files) out.push({ ...f, category });
  }
  return out;
}

async function writeSarifPerKind(run: ScanRun, outDir: string, cwd: string): Promise<{ text: string; category: string; path: string }[]> {
  const files = sarifPerKind(run, cwd);
  await writeOutputsAtomic(outDir, files.map(({ name, content }) => ({ name, content })));
  return files.map((f) => ({ text: f.content, category: f.category, path: join(outDir, f.name) }));
}

/**
 * The dependency snapshot from the inventory.json an sbom step wrote (`path` is the file or its directory). Only
 * for push events: a pull request's dependencies are not the branch's, and a workflow_run job's commit is not its own.
 */
export async function submitSnapshotFromInventory(
  path: string,
  token: string | undefined,
  deps: { io: ActionsIO; env: Env; cwd: string; now: () => Date; octokit?: Partial<OctokitSettings> },
): Promise<SnapshotSubmitResult | { status: 'skipped'; reason: string }> {
  if (deps.env.GITHUB_EVENT_NAME !== 'push') {
    const reason = 'the dependency snapshot is only submitted on push events';
    deps.io.info(`Rampart skipped the dependency snapshot: ${reason}.`);
    return { status: 'skipped', reason };
  }
  const given = isAbsolute(path) ? path : resolve(deps.cwd, path);
  const file = given.endsWith('.json') && !given.endsWith('.cdx.json') ? given : join(given.endsWith('.cdx.json') ? resolve(given, '..') : given, 'inventory.json');
  if (!existsSync(file)) {
    throw new UserError('inventory file not found', { file: path, field: 'with.sbom', expected: 'the inventory.json an sbom step wrote, or its directory' });
  }
  // Loaded here, not at the top: only this feature needs the inventory package in the bundle's start-up path.
  const { parseInventoryJson } = await import('@rampart/inventory');
  const inventory = parseInventoryJson(readFileSync(file, 'utf8'), path);
  return publishDependencySnapshot(
    { inventory, token, detector: { name: 'rampart', version: VERSION, url: 'https://github.com/rampart-security/rampart' }, scanned: deps.now() },
    { io: deps.io, env: deps.env, ...(deps.octokit ? { octokit: deps.octokit } : {}) },
  );
}

/** The step's exit code for an error: 2 for what the user can fix, 3 for a failed service or a bug. */
export function failStep(err: unknown, io: ActionsIO): number {
  if (err instanceof UserError) {
    io.setFailed(err.message);
    return 2;
  }
  if (err instanceof ServiceError) {
    io.setFailed(err.message);
    return 3;
  }
  // A bug: keep the stack in the log. Values thrown that are not Errors are shown as they are.
  io.setFailed(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  return 3;
}

/** The CLI's dependencies inside an action: its output goes to the step log. */
export function actionCliDeps(io: ActionsIO, env: Env, cwd: string, now: () => Date): CliDeps {
  return {
    cwd,
    env,
    now,
    stdout: (t) => io.info(t.trimEnd()),
    stderr: (t) => io.info(t.trimEnd()),
    isTTY: false,
    readFile: (p) => readFileSync(p, 'utf8'),
    exists: (p) => existsSync(p),
  };
}
