import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readInputs, type ActionsIO, type Env, type Inputs } from '@rampart/ci';
import { runScanRequest, type ScanRequest, type SettingFlags } from '@rampart/cli/scan';
import { actionCliDeps, failStep, publishOptions, publishOutcome } from '@rampart/cli/github';
import { SAST_INPUTS } from './inputs.js';

export interface RunDeps {
  io: ActionsIO;
  env: Env;
  now: () => Date;
  /** Where the built-in rule packs are; the bundle ships them in dist/rules. */
  rulesDir?: string;
}

type SastInputs = Inputs<typeof SAST_INPUTS>;

function flagsFrom(i: SastInputs): SettingFlags {
  const flags: SettingFlags = { outDir: i.outputDir, newOnly: i.newOnly };
  if (i.failOn) flags.failOn = i.failOn;
  if (i.baseline) flags.baseline = i.baseline;
  if (i.config) flags.config = i.config;
  return flags;
}

export function scanRequestFrom(i: SastInputs, rulesDir: string | undefined): ScanRequest {
  return {
    scanner: i.scan,
    path: i.path,
    flags: flagsFrom(i),
    builtinRules: i.builtinRules,
    ...(rulesDir ? { builtinRulesDir: rulesDir } : {}),
    ruleDirs: i.rules,
    only: i.only,
    exclude: i.exclude,
    include: [],
    changedLinesOnly: i.changedLinesOnly,
    ...(i.shard ? { shard: i.shard } : {}),
    ...(i.changedSince ? { changedSince: i.changedSince } : {}),
  };
}

/** The bundled rule packs sit beside the bundle: dist/rules. */
export function bundledRulesDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), 'rules');
}

/** Scan, then GitHub's surfaces; 1 only when the gate fails, comment and upload problems are notices. */
export async function run(deps: RunDeps): Promise<number> {
  try {
    const inputs = readInputs(SAST_INPUTS, deps.env, deps.io);
    const cwd = deps.env.GITHUB_WORKSPACE || process.cwd();
    const outcome = await runScanRequest(scanRequestFrom(inputs, deps.rulesDir), actionCliDeps(deps.io, deps.env, cwd, deps.now));
    // Each shard of a matrix keeps its own sticky comment; `rampart merge` joins them for one report.
    const commentId = inputs.shard ? `${inputs.scan}-${inputs.shard.replace('/', '-of-')}` : inputs.scan;
    await publishOutcome(outcome, cwd, publishOptions(inputs, commentId), deps);
    return outcome.exitCode;
  } catch (err) {
    return failStep(err, deps.io);
  }
}
