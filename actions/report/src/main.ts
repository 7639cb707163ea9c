import { readdirSync } from 'node:fs';
import picomatch from 'picomatch';
import { UserError } from '@rampart/core';
import { readInputs, type ActionsIO, type Env, type Inputs } from '@rampart/ci';
import { runReport, type SettingFlags } from '@rampart/cli/report';
import { actionCliDeps, failStep, publishOptions, publishOutcome } from '@rampart/cli/github';
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
    const outcome = await runReport(req, actionCliDeps(deps.io, deps.env, cwd, deps.now));
    await publishOutcome(outcome, cwd, publishOptions(inputs, 'report'), deps);
    return outcome.exitCode;
  } catch (err) {
    return failStep(err, deps.io);
  }
}
