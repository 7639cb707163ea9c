import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve, relative } from 'node:path';
import {
  ServiceError,
  UserError,
  assignFingerprints,
  processFindings,
  renderAll,
  writeOutputsAtomic,
  type ScanRun,
} from '@rampart/core';
import type { CliDeps } from '../deps.js';
import { EXIT } from '../exit-codes.js';
import { ingestFiles } from './ingest.js';
import { resolveSettings, type SettingFlags, type Settings } from './settings.js';
import { VERSION } from '../version.js';

export interface ReportRequest {
  inputs: readonly string[];
  flags: SettingFlags;
  /** Force one reader instead of detecting the format. */
  format?: string;
  scanner?: string;
  /** Evaluate only; write no files (`rampart gate`). */
  dryRun?: boolean;
}

export interface ReportOutcome {
  run: ScanRun;
  settings: Settings;
  written: string[];
  exitCode: number;
}

/** Source files for inline `rampart-ignore` comments, only inside the working directory. */
function sourceReader(deps: CliDeps): (path: string) => string | undefined {
  return (path) => {
    const full = isAbsolute(path) ? path : resolve(deps.cwd, path);
    const rel = relative(deps.cwd, full);
    if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
    try {
      return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
    } catch {
      return undefined;
    }
  };
}

/**
 * `rampart report` as a function: ingest, dedupe, suppress, baseline, gate, write every output.
 * The GitHub action calls this too, so the CLI and the action cannot drift apart.
 */
export async function runReport(req: ReportRequest, deps: CliDeps): Promise<ReportOutcome> {
  if (req.inputs.length === 0) {
    throw new UserError('no report files given', { field: 'files', expected: 'one or more report paths' });
  }
  const startedAt = deps.now();
  const settings = resolveSettings(req.flags, deps);
  const ingested = ingestFiles(req.inputs, deps, req.format);
  const baseline = settings.baseline
    ? assignFingerprints(ingestFiles([settings.baseline], deps).findings)
    : undefined;
  const scanner = req.scanner ?? 'report';
  const run = processFindings({
    scanner,
    tools: ingested.tools.length > 0 ? ingested.tools : [{ name: 'rampart', version: VERSION }],
    startedAt,
    now: deps.now(),
    findings: ingested.findings,
    ignores: settings.ignores,
    failOn: settings.failOn,
    newOnly: settings.newOnly,
    readSource: sourceReader(deps),
    notifications: ingested.notifications,
    ...(baseline ? { baseline } : {}),
    ...(ingested.scannedResources.length > 0 ? { scannedResources: ingested.scannedResources } : {}),
    category: settings.category ?? `rampart/${scanner}/`,
  });
  let written: string[] = [];
  if (!req.dryRun) {
    const commitSha = deps.env.CI_COMMIT_SHA ?? deps.env.GITHUB_SHA;
    const rendered = renderAll(run, settings.formats, {
      sarif: { srcRoot: deps.cwd },
      gitlab: { analyzerVersion: VERSION, ...(commitSha ? { commitSha } : {}) },
    });
    run.notifications.push(...rendered.notes);
    const outDir = isAbsolute(settings.outDir) ? settings.outDir : resolve(deps.cwd, settings.outDir);
    try {
      written = await writeOutputsAtomic(outDir, rendered.files);
    } catch (err) {
      // The inputs were fine; the machine would not take the reports (read-only, full, not a directory).
      throw new ServiceError(`cannot write reports to ${outDir}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  const exitCode = run.gate && !run.gate.passed ? EXIT.gateFailed : EXIT.ok;
  return { run, settings, written, exitCode };
}
