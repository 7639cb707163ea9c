import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import picomatch from 'picomatch';
import { countRun, UserError, ServiceError } from '@rampart/core';
import { publishGithub, readInputs, type ActionsIO, type Env, type Inputs } from '@rampart/ci';
import { runReport, type CliDeps, type SettingFlags } from '@rampart/cli';
import { REPORT_INPUTS } from './inputs.js';

export interface RunDeps {
  io: ActionsIO;
  env: Env;
  now: () => Date;
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
  if (i.baseline) flags.baseline = i.baseline;
  if (i.config) flags.config = i.config;
  if (i.formats) flags.formats = i.formats;
  if (i.category) flags.category = i.category;
  return flags;
}

function cliDeps(deps: RunDeps, cwd: string): CliDeps {
  return {
    cwd,
    env: deps.env,
    now: deps.now,
    stdout: (t) => deps.io.info(t.trimEnd()),
    stderr: (t) => deps.io.info(t.trimEnd()),
    isTTY: false,
    readFile: (p) => readFileSync(p, 'utf8'),
    exists: (p) => existsSync(p),
  };
}

/**
 * The action: the same pipeline as `rampart report`, then GitHub's surfaces (outputs, summary, annotations,
 * sticky comment, SARIF upload). Returns the step's exit code: 1 only when the gate fails; problems with the
 * comment or upload are notices, never a red step.
 */
export async function run(deps: RunDeps): Promise<number> {
  try {
    const inputs = readInputs(REPORT_INPUTS, deps.env, deps.io);
    const cwd = deps.env.GITHUB_WORKSPACE || process.cwd();
    const req = {
      inputs: expandFiles(inputs.files, cwd),
      flags: flagsFrom(inputs),
      ...(inputs.format ? { format: inputs.format } : {}),
    };
    const outcome = await runReport(req, cliDeps(deps, cwd));
    const outDir = isAbsolute(outcome.settings.outDir) ? outcome.settings.outDir : resolve(cwd, outcome.settings.outDir);
    const file = (name: string) => (outcome.written.includes(join(outDir, name)) ? join(outDir, name) : undefined);
    const sarifPath = file(`${outcome.run.scanner}.sarif`);
    const summaryPath = file('summary.md');
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
        reports: {
          ...(file('findings.json') ? { findings: join(outDir, 'findings.json') } : {}),
          ...(summaryPath ? { summary: summaryPath } : {}),
        },
        ...(sarifPath
          ? { sarif: { text: readFileSync(sarifPath, 'utf8'), startedAt: outcome.run.startedAt, toolName: 'Rampart' } }
          : {}),
        options: {
          comment: inputs.comment,
          commentId: 'report',
          uploadSarif: inputs.uploadSarif,
          annotations: inputs.annotations,
          ...(inputs.githubToken ? { token: inputs.githubToken } : {}),
        },
      },
      { io: deps.io, env: deps.env },
    );
    if (outcome.exitCode !== 0) deps.io.setFailed(`Rampart gate failed: ${outcome.run.gate?.causes.length ?? 0} finding(s) at or above ${outcome.run.gate?.failOn}`);
    return outcome.exitCode;
  } catch (err) {
    return fail(err, deps.io);
  }
}

function fail(err: unknown, io: ActionsIO): number {
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
