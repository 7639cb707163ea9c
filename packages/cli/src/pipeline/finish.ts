import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve, relative } from 'node:path';
import {
  ServiceError,
  assignFingerprints,
  processFindings,
  renderAll,
  writeOutputsAtomic,
  type Finding,
  type GitlabReportType,
  type Notification,
  type RawFinding,
  type ScanRun,
  type Tool,
} from '@rampart/core';
import type { CliDeps } from '../deps.js';
import { EXIT } from '../exit-codes.js';
import { VERSION } from '../version.js';
import { ingestFiles } from './ingest.js';
import { sourceLinkBase } from './links.js';
import type { Settings } from './settings.js';

export interface ReportOutcome {
  run: ScanRun;
  settings: Settings;
  written: string[];
  exitCode: number;
}

/** What a scanner or the report readers hand over; the rest of a run is the same for every command. */
export interface Gathered {
  scanner: string;
  startedAt: Date;
  findings: (RawFinding | Finding)[];
  tools: Tool[];
  notifications: Notification[];
  scannedResources?: { method: string; url: string }[];
  /** GitLab report types written even when empty, so GitLab resolves what an earlier run found. */
  gitlabReportTypes?: GitlabReportType[];
  /** Files a scanner produced besides the findings reports (SBOMs), written in the same atomic step. */
  extraFiles?: { name: string; content: string }[];
  /** Per-rule gate overrides (a DAST rules file). */
  ruleActions?: ReadonlyMap<string, 'fail' | 'warn'>;
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
 * Everything after the findings are gathered, shared by every command: baseline, fingerprints, dedupe,
 * suppressions, gate, and every output written atomically. `dryRun` evaluates without writing.
 */
export async function finishRun(g: Gathered, settings: Settings, deps: CliDeps, dryRun = false): Promise<ReportOutcome> {
  const baseline = settings.baseline ? assignFingerprints(ingestFiles([settings.baseline], deps).findings) : undefined;
  const run = processFindings({
    scanner: g.scanner,
    tools: g.tools.length > 0 ? g.tools : [{ name: 'rampart', version: VERSION }],
    startedAt: g.startedAt,
    now: deps.now(),
    findings: g.findings,
    ignores: settings.ignores,
    failOn: settings.failOn,
    newOnly: settings.newOnly,
    readSource: sourceReader(deps),
    notifications: g.notifications,
    ...(baseline ? { baseline } : {}),
    ...(settings.baselineSource !== undefined ? { baselineSource: settings.baselineSource } : {}),
    ...(g.scannedResources && g.scannedResources.length > 0 ? { scannedResources: g.scannedResources } : {}),
    category: settings.category ?? `rampart/${g.scanner}/`,
    ...(g.ruleActions && g.ruleActions.size > 0 ? { ruleActions: g.ruleActions } : {}),
  });
  let written: string[] = [];
  if (!dryRun) {
    const commitSha = deps.env.CI_COMMIT_SHA ?? deps.env.GITHUB_SHA;
    const blobBase = sourceLinkBase(deps.env, deps.readFile);
    const rendered = renderAll(run, settings.formats, {
      sarif: { srcRoot: deps.cwd },
      gitlab: {
        analyzerVersion: VERSION,
        ...(commitSha ? { commitSha } : {}),
        ...(g.gitlabReportTypes ? { reportTypes: g.gitlabReportTypes } : {}),
      },
      ...(blobBase !== undefined ? { markdown: { links: { blobBase } } } : {}),
    });
    run.notifications.push(...rendered.notes);
    const outDir = isAbsolute(settings.outDir) ? settings.outDir : resolve(deps.cwd, settings.outDir);
    try {
      written = await writeOutputsAtomic(outDir, [...rendered.files, ...(g.extraFiles ?? [])]);
    } catch (err) {
      // The inputs were fine; the machine would not take the reports (read-only, full, not a directory).
      throw new ServiceError(`cannot write reports to ${outDir}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  const exitCode = run.gate && !run.gate.passed ? EXIT.gateFailed : EXIT.ok;
  return { run, settings, written, exitCode };
}
