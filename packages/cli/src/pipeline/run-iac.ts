import { statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { UserError, type RawFinding } from '@rampart/core';
import { IAC_TOOL, scanIac, type IacScanResult } from '@rampart/iac';
import type { CliDeps } from '../deps.js';
import { finishRun, type ReportOutcome } from './finish.js';
import { resolveSettings, type SettingFlags } from './settings.js';

export interface IacRequest {
  /** A directory to walk, or one file. */
  path: string;
  flags: SettingFlags;
}

/** Paths as the user's working directory sees them, so SARIF and GitLab point at files in the repository. */
function rebase(findings: RawFinding[], root: string, cwd: string): RawFinding[] {
  return findings.map((f) => {
    if (f.location.type !== 'source') return f;
    const rel = relative(cwd, join(root, f.location.path)).split('\\').join('/');
    return rel.startsWith('../') || isAbsolute(rel) ? f : { ...f, location: { ...f.location, path: rel } };
  });
}

function scanPath(target: string): IacScanResult & { root: string } {
  if (statSync(target).isFile()) {
    const root = dirname(target);
    return { root, ...scanIac(root, { files: [basename(target)] }) };
  }
  return { root: target, ...scanIac(target) };
}

function countNote(result: IacScanResult): string {
  const parts = Object.entries(result.counts).map(([kind, n]) => `${n} ${kind}`);
  return parts.length === 0 ? 'IaC: no Dockerfile, Kubernetes, Terraform, GitHub or GitLab CI file found' : `IaC: scanned ${parts.join(', ')} file(s)`;
}

/** The IaC scan of a directory as `rampart scan` merges it: findings with paths from the working directory. */
export function runIacStep(root: string, deps: CliDeps): { findings: RawFinding[]; notifications: { level: 'note' | 'warning' | 'error'; message: string }[] } {
  const result = scanPath(root);
  return { findings: rebase(result.findings, result.root, deps.cwd), notifications: [{ level: 'note', message: countNote(result) }, ...result.notifications] };
}

/** `rampart iac`: misconfigurations of Dockerfiles, manifests, Terraform and CI files, as GitLab `sast` findings. */
export async function runIacRequest(req: IacRequest, deps: CliDeps): Promise<ReportOutcome> {
  const target = isAbsolute(req.path) ? req.path : resolve(deps.cwd, req.path);
  if (!deps.exists(target)) throw new UserError('path not found', { file: req.path, expected: 'a directory or an IaC file' });
  const startedAt = deps.now();
  const settings = resolveSettings(req.flags, deps);
  const result = scanPath(target);
  return finishRun(
    {
      scanner: 'iac',
      startedAt,
      findings: rebase(result.findings, result.root, deps.cwd),
      tools: [{ ...IAC_TOOL }],
      notifications: [{ level: 'note', message: countNote(result) }, ...result.notifications],
      // GitLab's own IaC scanning reports to the SAST widget; an empty report resolves what an earlier run found.
      gitlabReportTypes: ['sast'],
    },
    settings,
    deps,
  );
}
