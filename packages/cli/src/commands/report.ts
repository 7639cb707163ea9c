import { basename, relative, resolve } from 'node:path';
import { isGitlabCi, publishGitlabNote } from '@rampart/ci';
import { READER_IDS } from '@rampart/core';
import { boolOpt, parseCommandArgs, stringOpt, type ParsedArgs } from '../args.js';
import type { CliDeps } from '../deps.js';
import { runReport, type ReportOutcome, type ReportRequest } from '../pipeline/run-report.js';
import { jsonSummary, textSummary } from '../pipeline/print.js';
import type { SettingFlags } from '../pipeline/settings.js';
import { resolveBaselineFrom, type BaselineFromRequest } from '../pipeline/gitlab-baseline.js';
import { BASELINE_FROM_OPTIONS, CONFIG_OPTION, GATE_OPTIONS, JSON_OPTION, OUTPUT_OPTIONS } from './common-options.js';
import type { Command } from './types.js';

export function flagsFrom(args: ParsedArgs): SettingFlags {
  const flags: SettingFlags = {};
  const set = <K extends keyof SettingFlags>(k: K, v: SettingFlags[K] | undefined) => {
    if (v !== undefined) flags[k] = v;
  };
  set('config', stringOpt(args, 'config'));
  set('failOn', stringOpt(args, 'fail-on'));
  set('newOnly', boolOpt(args, 'new-only'));
  set('baseline', stringOpt(args, 'baseline'));
  set('outDir', stringOpt(args, 'out-dir'));
  set('formats', stringOpt(args, 'formats'));
  set('category', stringOpt(args, 'category'));
  return flags;
}

/** `--baseline-from` and its companions, when given. */
export function baselineFromArgs(args: ParsedArgs): BaselineFromRequest | undefined {
  const from = stringOpt(args, 'baseline-from');
  const job = stringOpt(args, 'baseline-job');
  const path = stringOpt(args, 'baseline-path');
  if (from === undefined) return undefined;
  return { from, ...(job ? { job } : {}), ...(path ? { path } : {}) };
}

/** The flags of report and merge, with the baseline fetched when `--baseline-from` asks for it. */
export async function reportFlagsFrom(args: ParsedArgs, deps: CliDeps): Promise<SettingFlags> {
  return resolveBaselineFrom(flagsFrom(args), baselineFromArgs(args), deps);
}

/** Runs a report-like command and prints its summary; shared by report, gate and merge. */
export async function runAndPrint(req: ReportRequest, args: ParsedArgs, deps: CliDeps): Promise<number> {
  if (deps.isTTY) deps.stderr(`rampart: reading ${req.inputs.length} file(s)...\n`);
  const outcome = await runReport(req, deps);
  return printOutcome(outcome, args, deps, req.dryRun);
}

/** The summary on stdout, then the MR note in GitLab; the same for every command that writes reports. */
export async function printOutcome(outcome: ReportOutcome, args: ParsedArgs, deps: CliDeps, dryRun = false): Promise<number> {
  // Relative paths in the outcome (an --out-dir as given) are relative to the CLI's cwd, not the process's.
  const rel = (p: string) => relative(deps.cwd, resolve(deps.cwd, p)) || '.';
  deps.stdout(boolOpt(args, 'json') ? jsonSummary(outcome) : textSummary(outcome, rel));
  if (!dryRun && wantsMergeRequestNote(args, deps.env)) await publishMergeRequestNote(outcome, deps);
  return outcome.exitCode;
}

/** False when `--no-mr-note` or `RAMPART_MR_NOTE=false` asks this job to leave the note to another one. */
export function wantsMergeRequestNote(args: ParsedArgs, env: CliDeps['env']): boolean {
  if (boolOpt(args, 'no-mr-note') === true) return false;
  return !/^(false|0|no|off)$/i.test((env.RAMPART_MR_NOTE ?? '').trim());
}

/** In a GitLab merge request pipeline with RAMPART_GITLAB_TOKEN set, one note per job, updated in place. */
async function publishMergeRequestNote(outcome: ReportOutcome, deps: CliDeps): Promise<void> {
  if (!isGitlabCi(deps.env)) return;
  const summary = outcome.written.find((p) => basename(p) === 'summary.md');
  if (!summary) return;
  const log = (t: string) => deps.stderr(`rampart: ${t}\n`);
  await publishGitlabNote(
    { body: deps.readFile(summary), id: outcome.run.scanner },
    { env: deps.env, logger: { debug() {}, info: log, warn: log, error: log } },
  );
}

const options = [
  {
    name: 'format',
    type: 'string',
    value: '<id>',
    description: `Read every input as this format instead of detecting it`,
  },
  CONFIG_OPTION,
  ...GATE_OPTIONS,
  ...BASELINE_FROM_OPTIONS,
  ...OUTPUT_OPTIONS,
  JSON_OPTION,
] as const;

export const reportCommand: Command = {
  name: 'report',
  summary: 'Ingest third-party reports and write every Rampart output',
  usage: 'rampart report [options] <file...>',
  description:
    'Reads SARIF, Semgrep, Trivy, Grype, ZAP, Gitleaks, Bandit, npm audit and GitLab reports (format detected),\n' +
    'merges and dedupes their findings, applies suppressions and the baseline, evaluates the gate and writes\n' +
    'SARIF, GitLab security reports, Code Quality, JUnit, a Markdown summary and findings.json.',
  options,
  async run(argv, deps) {
    const args = parseCommandArgs('report', argv, options);
    const format = stringOpt(args, 'format');
    const flags = await reportFlagsFrom(args, deps);
    return runAndPrint({ inputs: args.positionals, flags, ...(format ? { format } : {}) }, args, deps);
  },
};

export function formatHelp(): string {
  return `Formats for --format: ${['rampart', ...READER_IDS].join(', ')}`;
}
