import { isAbsolute, resolve } from 'node:path';
import { UserError } from '@rampart/core';
import { catalog, nodeFs } from '@rampart/inventory';
import type { CliDeps } from '../deps.js';
import { runDepsStep, type VulnSourceChoice } from './deps-step.js';
import { finishRun, type ReportOutcome } from './finish.js';
import { absoluteOutDir, outsideOutDir, resolveSettings, type SettingFlags } from './settings.js';

export interface DepsRequest extends VulnSourceChoice {
  path: string;
  flags: SettingFlags;
}

/** `rampart deps`: the lockfiles' packages matched against OSV, through the usual gate and outputs. */
export async function runDepsRequest(req: DepsRequest, deps: CliDeps): Promise<ReportOutcome> {
  const root = isAbsolute(req.path) ? req.path : resolve(deps.cwd, req.path);
  if (!deps.exists(root)) throw new UserError('path not found', { file: req.path, expected: 'a directory with lockfiles' });
  const startedAt = deps.now();
  const settings = resolveSettings(req.flags, deps);
  const inventory = await catalog(nodeFs(root), { exclude: outsideOutDir(root, absoluteOutDir(settings.outDir, deps)) });
  const step = await runDepsStep(inventory, req, deps);
  return finishRun(
    {
      scanner: 'deps',
      startedAt,
      findings: step.findings,
      tools: [step.tool],
      notifications: [...inventory.problems.map((p) => ({ level: 'warning' as const, message: `${p.file}: ${p.message}` })), ...step.notifications],
      gitlabReportTypes: ['dependency_scanning'],
    },
    settings,
    deps,
  );
}
