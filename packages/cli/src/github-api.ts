// What the GitHub actions share after a run: outputs, summary, annotations, PR comment, SARIF upload, and the
// mapping of errors to a failed step. Both actions are thin wrappers around a pipeline and this.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { ServiceError, UserError, countRun } from '@rampart/core';
import { publishGithub, type ActionsIO, type Env } from '@rampart/ci';
import type { CliDeps } from './deps.js';
import type { ReportOutcome } from './pipeline/finish.js';

export interface PublishOptions {
  comment: boolean;
  /** Tells this step's sticky comment apart from other Rampart steps' comments. */
  commentId: string;
  uploadSarif: boolean;
  annotations: boolean;
  token?: string;
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
      options: {
        comment: opts.comment,
        commentId: opts.commentId,
        uploadSarif: opts.uploadSarif,
        annotations: opts.annotations,
        ...(opts.token ? { token: opts.token } : {}),
      },
    },
    deps,
  );
  if (outcome.exitCode !== 0) {
    const gate = outcome.run.gate;
    deps.io.setFailed(`Rampart gate failed: ${gate?.causes.length ?? 0} finding(s) at or above ${gate?.failOn ?? 'the threshold'}`);
  }
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
