import { readInputs, type ActionsIO, type Env, type Inputs } from '@rampart/ci';
import { actionCliDeps, failStep, publishOptions, publishOutcome } from '@rampart/cli/github';
import { runContainerRequest, type ContainerRequest, type SettingFlags } from '@rampart/cli/container';
import { UserError } from '@rampart/core';
import { CONTAINER_INPUTS } from './inputs.js';

export interface RunDeps {
  io: ActionsIO;
  env: Env;
  now: () => Date;
}

type ContainerInputs = Inputs<typeof CONTAINER_INPUTS>;

function sourceOf(i: ContainerInputs): ContainerRequest['source'] {
  const given = [
    i.image ? ({ kind: 'registry', reference: i.image } as const) : undefined,
    i.imageTar ? ({ kind: 'archive', path: i.imageTar } as const) : undefined,
    i.ociLayout ? ({ kind: 'oci-layout', path: i.ociLayout } as const) : undefined,
    i.rootfs ? ({ kind: 'rootfs', path: i.rootfs } as const) : undefined,
  ].filter((s) => s !== undefined);
  const [one, ...more] = given;
  if (!one || more.length > 0) {
    throw new UserError(one ? 'more than one image source given' : 'no image given', { field: 'image', expected: 'exactly one of image, image-tar, oci-layout, rootfs' });
  }
  return one;
}

export function containerRequestFrom(i: ContainerInputs): ContainerRequest {
  const flags: SettingFlags = { outDir: i.outputDir, newOnly: i.newOnly };
  if (i.failOn) flags.failOn = i.failOn;
  if (i.baseline) flags.baseline = i.baseline;
  if (i.config) flags.config = i.config;
  return {
    source: sourceOf(i),
    sbom: i.sbom,
    flags,
    offline: i.offline,
    ignoreUnfixed: i.ignoreUnfixed,
    ...(i.platform ? { platform: i.platform } : {}),
    ...(i.osvUrl ? { osvUrl: i.osvUrl } : {}),
    ...(i.cacheDir ? { cacheDir: i.cacheDir } : {}),
  };
}

/** An image against OSV, then GitHub's surfaces; registry credentials reach the puller only through its env. */
export async function run(deps: RunDeps): Promise<number> {
  try {
    const inputs = readInputs(CONTAINER_INPUTS, deps.env, deps.io);
    const cwd = deps.env.GITHUB_WORKSPACE || process.cwd();
    const env: Env =
      inputs.registryUsername && inputs.registryPassword
        ? { ...deps.env, RAMPART_REGISTRY_USERNAME: inputs.registryUsername, RAMPART_REGISTRY_PASSWORD: inputs.registryPassword }
        : deps.env;
    const outcome = await runContainerRequest(containerRequestFrom(inputs), actionCliDeps(deps.io, env, cwd, deps.now));
    await publishOutcome(outcome, cwd, publishOptions({ comment: inputs.comment, uploadSarif: inputs.uploadSarif, annotations: false, githubToken: inputs.githubToken }, 'container'), deps);
    return outcome.exitCode;
  } catch (err) {
    return failStep(err, deps.io);
  }
}
