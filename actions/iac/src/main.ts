import { readInputs, type ActionsIO, type Env, type Inputs } from '@rampart/ci';
import { actionCliDeps, failStep, publishOptions, publishOutcome } from '@rampart/cli/github';
import { runIacRequest, type IacRequest, type SettingFlags } from '@rampart/cli/iac';
import { IAC_INPUTS } from './inputs.js';

export interface RunDeps {
  io: ActionsIO;
  env: Env;
  now: () => Date;
}

type IacInputs = Inputs<typeof IAC_INPUTS>;

export function iacRequestFrom(i: IacInputs): IacRequest {
  const flags: SettingFlags = { outDir: i.outputDir, newOnly: i.newOnly };
  if (i.failOn) flags.failOn = i.failOn;
  if (i.baseline) flags.baseline = i.baseline;
  if (i.config) flags.config = i.config;
  return { path: i.path, flags };
}

/** Scan, then GitHub's surfaces; 1 only when the gate fails, comment and upload problems are notices. */
export async function run(deps: RunDeps): Promise<number> {
  try {
    const inputs = readInputs(IAC_INPUTS, deps.env, deps.io);
    const cwd = deps.env.GITHUB_WORKSPACE || process.cwd();
    const outcome = await runIacRequest(iacRequestFrom(inputs), actionCliDeps(deps.io, deps.env, cwd, deps.now));
    await publishOutcome(outcome, cwd, publishOptions(inputs, 'iac'), deps);
    return outcome.exitCode;
  } catch (err) {
    return failStep(err, deps.io);
  }
}
