import { readInputs, type ActionsIO, type Env, type Inputs } from '@rampart/ci';
import { actionCliDeps, failStep, publishOptions, publishOutcome } from '@rampart/cli/github';
import { newZapApiKey, runDastRequest, type DastRequest, type SettingFlags } from '@rampart/cli/dast';
import { UserError } from '@rampart/core';
import { DAST_INPUTS } from './inputs.js';
import { ZAP_CONTAINER_STATE, dockerAvailable, nodeExec, startZapContainer, type Exec } from './zap-container.js';

export interface RunDeps {
  io: ActionsIO;
  env: Env;
  now: () => Date;
  exec?: Exec;
}

type DastInputs = Inputs<typeof DAST_INPUTS>;


function number(value: string, field: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UserError(`bad value "${value}"`, { field, expected: 'a positive whole number' });
  return n;
}

export function dastRequestFrom(i: DastInputs): DastRequest {
  if (!i.target) throw new UserError('no target', { field: 'target', expected: 'the URL of the running app to scan' });
  const flags: SettingFlags = { outDir: i.outputDir, newOnly: i.newOnly };
  if (i.failOn) flags.failOn = i.failOn;
  if (i.baseline) flags.baseline = i.baseline;
  if (i.config) flags.config = i.config;
  return {
    target: i.target, mode: i.mode, engine: i.engine, headers: i.authHeader ? [i.authHeader] : [], include: i.include,
    exclude: i.exclude, maxDurationSeconds: number(i.maxDuration, 'max-duration'), maxDepth: 5, maxChildren: 50,
    requestBudget: 5000, requestsPerSecond: 20, concurrency: 4, ajaxSpider: false, flags,
    ...(i.rulesFileName ? { rulesFile: i.rulesFileName } : {}),
    ...(i.openapi ? { openapi: i.openapi } : {}),
    ...(i.zapUrl ? { zapUrl: i.zapUrl } : {}),
  };
}

/**
 * ZAP when it can run (a `zap-url`, or Docker to start `docker-name`), else the built-in engine, saying so; the
 * post step stops the container. Only the gate fails the step; comment and upload problems are notices.
 */
export async function run(deps: RunDeps): Promise<number> {
  const exec = deps.exec ?? nodeExec;
  try {
    const inputs = readInputs(DAST_INPUTS, deps.env, deps.io);
    const cwd = deps.env.GITHUB_WORKSPACE || process.cwd();
    const req = dastRequestFrom(inputs);
    if (!req.zapUrl && req.engine !== 'builtin') {
      if (await dockerAvailable(exec)) {
        const apiKey = newZapApiKey();
        deps.io.setSecret(apiKey);
        const zap = await startZapContainer(exec, inputs.dockerName, number(inputs.zapPort, 'zap-port'), apiKey);
        deps.io.saveState(ZAP_CONTAINER_STATE, zap.id);
        deps.io.info(`Started ZAP (${inputs.dockerName}) as container ${zap.id.slice(0, 12)}`);
        req.zapUrl = zap.url;
        req.zapApiKey = apiKey;
      } else if (req.engine === 'zap') {
        throw new UserError('engine zap needs Docker on the runner or a running ZAP', { field: 'zap-url', expected: "a ZAP daemon's URL, or a Linux runner with Docker" });
      } else {
        deps.io.notice('Docker is not available on this runner: scanning with the built-in engine.');
      }
    }
    const outcome = await runDastRequest(req, actionCliDeps(deps.io, deps.env, cwd, deps.now));
    await publishOutcome(outcome, cwd, publishOptions({ comment: inputs.comment, uploadSarif: inputs.uploadSarif, annotations: false, githubToken: inputs.githubToken }, 'dast'), deps);
    return outcome.exitCode;
  } catch (err) {
    return failStep(err, deps.io);
  }
}
