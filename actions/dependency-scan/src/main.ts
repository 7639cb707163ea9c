import { readInputs, type ActionsIO, type Env, type Inputs } from '@rampart/ci';
import { actionCliDeps, failStep, publishOptions, publishOutcome } from '@rampart/cli/github';
import { runDepsRequest, type DepsRequest, type SettingFlags } from '@rampart/cli/deps';
import { DEPS_INPUTS } from './inputs.js';

export interface RunDeps {
  io: ActionsIO;
  env: Env;
  now: () => Date;
}

type DepsInputs = Inputs<typeof DEPS_INPUTS>;

export function depsRequestFrom(i: DepsInputs): DepsRequest {
  const flags: SettingFlags = { outDir: i.outputDir, newOnly: i.newOnly };
  if (i.failOn) flags.failOn = i.failOn;
  if (i.baseline) flags.baseline = i.baseline;
  if (i.config) flags.config = i.config;
  return {
    path: i.path,
    flags,
    offline: i.offline,
    ignoreUnfixed: i.ignoreUnfixed,
    ...(i.osvUrl ? { osvUrl: i.osvUrl } : {}),
    ...(i.cacheDir ? { cacheDir: i.cacheDir } : {}),
  };
}

/** Lockfiles against OSV, then GitHub's surfaces; 1 only when the gate fails. */
export async function run(deps: RunDeps): Promise<number> {
  try {
    const inputs = readInputs(DEPS_INPUTS, deps.env, deps.io);
    const cwd = deps.env.GITHUB_WORKSPACE || process.cwd();
    const outcome = await runDepsRequest(depsRequestFrom(inputs), actionCliDeps(deps.io, deps.env, cwd, deps.now));
    // Package findings have no source line, so there is nothing to annotate.
    await publishOutcome(outcome, cwd, publishOptions({ comment: inputs.comment, uploadSarif: inputs.uploadSarif, annotations: false, githubToken: inputs.githubToken }, 'deps'), deps);
    return outcome.exitCode;
  } catch (err) {
    return failStep(err, deps.io);
  }
}
