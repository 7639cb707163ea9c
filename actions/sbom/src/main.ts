import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { UserError } from '@rampart/core';
import { publishDependencySnapshot, readInputs, type ActionsIO, type Env, type Inputs } from '@rampart/ci';
import { actionCliDeps, failStep, publishOptions, publishOutcome } from '@rampart/cli/github';
import { SBOM_FILES, VERSION, runSbomRequest, type SbomRequest, type SettingFlags } from '@rampart/cli/sbom';
import { parseInventoryJson } from '@rampart/inventory';
import { actionsArtifactUploader, uploadSbomArtifact, type ArtifactUploader } from './artifact.js';
import { SBOM_INPUTS } from './inputs.js';

export interface RunDeps {
  io: ActionsIO;
  env: Env;
  now: () => Date;
  uploadArtifact?: ArtifactUploader;
  /** Tests shorten the API client's waits. */
  octokit?: { retryUnitMs?: number; writeIntervalMs?: number; notificationIntervalMs?: number };
}

type SbomInputs = Inputs<typeof SBOM_INPUTS>;

export const DETECTOR = { name: 'rampart', url: 'https://github.com/rampart-security/rampart' } as const;

export function sbomRequestFrom(i: SbomInputs): SbomRequest {
  const flags: SettingFlags = { outDir: i.outputDir };
  if (i.failOn) flags.failOn = i.failOn;
  if (i.config) flags.config = i.config;
  return { path: i.path, flags, format: i.format, specVersion: i.specVersion };
}

async function generate(inputs: SbomInputs, cwd: string, deps: RunDeps): Promise<number> {
  const outcome = await runSbomRequest(sbomRequestFrom(inputs), actionCliDeps(deps.io, deps.env, cwd, deps.now));
  const outDir = isAbsolute(outcome.settings.outDir) ? outcome.settings.outDir : resolve(cwd, outcome.settings.outDir);
  const sbomFiles = [SBOM_FILES.cyclonedx, SBOM_FILES.spdx, SBOM_FILES.inventory]
    .map((n) => join(outDir, n))
    .filter((p) => outcome.written.includes(p));
  for (const [output, name] of [['cyclonedx', SBOM_FILES.cyclonedx], ['spdx', SBOM_FILES.spdx], ['inventory', SBOM_FILES.inventory]] as const) {
    const p = join(outDir, name);
    if (outcome.written.includes(p)) deps.io.setOutput(output, p);
  }
  await publishOutcome(
    outcome,
    cwd,
    publishOptions({ comment: inputs.comment, uploadSarif: false, annotations: false, githubToken: inputs.githubToken }, 'sbom'),
    deps,
  );
  if (inputs.uploadArtifact) {
    await uploadSbomArtifact(inputs.artifactName, sbomFiles, outDir, {
      io: deps.io,
      env: deps.env,
      upload: deps.uploadArtifact ?? actionsArtifactUploader,
    });
  }
  return outcome.exitCode;
}

async function submit(inputs: SbomInputs, cwd: string, deps: RunDeps): Promise<number> {
  const file = inputs.inventory ?? join(inputs.outputDir, SBOM_FILES.inventory);
  const full = isAbsolute(file) ? file : resolve(cwd, file);
  if (!existsSync(full)) {
    throw new UserError('inventory file not found', {
      file,
      field: 'inventory',
      expected: `the ${SBOM_FILES.inventory} a generate step wrote (download its artifact first in another job)`,
    });
  }
  const inventory = parseInventoryJson(readFileSync(full, 'utf8'), file);
  const r = await publishDependencySnapshot(
    {
      inventory,
      token: inputs.githubToken,
      ...(inputs.correlator ? { correlatorSuffix: inputs.correlator } : {}),
      detector: { ...DETECTOR, version: VERSION },
      scanned: deps.now(),
    },
    { io: deps.io, env: deps.env, ...(deps.octokit ? { octokit: deps.octokit } : {}) },
  );
  deps.io.setOutput('snapshot', r.status);
  if (r.status === 'submitted') deps.io.setOutput('snapshot-id', String(r.id));
  return 0;
}

/**
 * Two modes, so that generating (read-only) and submitting the dependency snapshot (contents: write) can run in
 * different jobs and only the second holds a token that may write.
 */
export async function run(deps: RunDeps): Promise<number> {
  try {
    const inputs = readInputs(SBOM_INPUTS, deps.env, deps.io);
    const cwd = deps.env.GITHUB_WORKSPACE || process.cwd();
    return inputs.mode === 'generate' ? await generate(inputs, cwd, deps) : await submit(inputs, cwd, deps);
  } catch (err) {
    return failStep(err, deps.io);
  }
}
