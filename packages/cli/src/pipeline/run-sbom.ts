import { isAbsolute, resolve } from 'node:path';
import { UserError } from '@rampart/core';
import type { CycloneDxVersion } from '@rampart/sbom';
import type { CliDeps } from '../deps.js';
import { finishRun, type ReportOutcome } from './finish.js';
import { absoluteOutDir, resolveSettings, type SettingFlags } from './settings.js';
import { runSbomStep, type SbomFormat } from './sbom-step.js';

export interface SbomRequest {
  path: string;
  flags: SettingFlags;
  format: SbomFormat;
  specVersion: CycloneDxVersion;
}

/** `rampart sbom`: the inventory as SBOMs, plus license findings through the usual gate and outputs. */
export async function runSbomRequest(req: SbomRequest, deps: CliDeps): Promise<ReportOutcome> {
  const root = isAbsolute(req.path) ? req.path : resolve(deps.cwd, req.path);
  if (!deps.exists(root)) throw new UserError('path not found', { file: req.path, expected: 'a directory to inventory' });
  const startedAt = deps.now();
  const settings = resolveSettings(req.flags, deps);
  const step = await runSbomStep(
    {
      root,
      outDir: absoluteOutDir(settings.outDir, deps),
      format: req.format,
      specVersion: req.specVersion,
      licensePolicy: settings.licensePolicy,
    },
    deps,
  );
  return finishRun(
    {
      scanner: 'sbom',
      startedAt,
      findings: step.findings,
      tools: [step.tool],
      notifications: step.notifications,
      extraFiles: step.files,
    },
    settings,
    deps,
  );
}
