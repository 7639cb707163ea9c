import { basename, relative, resolve } from 'node:path';
import { isGitlabCi, publishGitlabNote } from '@rampart/ci';
import { READER_IDS } from '@rampart/core';
import { boolOpt, parseCommandArgs, stringOpt, type ParsedArgs } from '../args.js';
import type { CliDeps } from '../deps.js';
import { runReport, type ReportOutcome, type ReportRequest } from '../pipeline/run-report.js';
import { jsonSummary, textSummary } from '../pipeline/print.js';
import type { SettingFlags } from '../pipeline/settings.js';
import { CONFIG_OPTION, GATE_OPTIONS, JSON_OPTION, OUTPUT_OPTIONS } from './common-options.js';
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
  if (!dryRun) await publishMergeRequestNote(outcome, deps);
  return outcome.exitCode;
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
    return runAndPrint({ inputs: args.positionals, flags: flagsFrom(args), ...(format ? { format } : {}) }, args, deps);
  },
};

export function formatHelp(): string {
  return `Formats for --format: ${['rampart', ...READER_IDS].join(', ')}`;
}
