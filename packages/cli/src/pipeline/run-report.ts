import { UserError, type GitlabReportType, type Notification } from '@rampart/core';
import type { CliDeps } from '../deps.js';
import { finishRun, type ReportOutcome } from './finish.js';
import { ingestFiles } from './ingest.js';
import { resolveSettings, type SettingFlags } from './settings.js';

export type { ReportOutcome } from './finish.js';

export interface ReportRequest {
  inputs: readonly string[];
  flags: SettingFlags;
  /** Force one reader instead of detecting the format. */
  format?: string;
  scanner?: string;
  /** Evaluate only; write no files (`rampart gate`). */
  dryRun?: boolean;
  gitlabReportTypes?: GitlabReportType[];
  /** Notes about the run from outside the reports, e.g. where the baseline came from or that there was none. */
  notes?: Notification[];
}

/**
 * `rampart report` as a function: ingest, then the shared finish (dedupe, suppress, baseline, gate,
 * outputs). The GitHub action calls this too, so the CLI and the action cannot drift apart.
 */
export async function runReport(req: ReportRequest, deps: CliDeps): Promise<ReportOutcome> {
  if (req.inputs.length === 0) {
    throw new UserError('no report files given', { field: 'files', expected: 'one or more report paths' });
  }
  const startedAt = deps.now();
  const settings = resolveSettings(req.flags, deps);
  const ingested = ingestFiles(req.inputs, deps, req.format);
  return finishRun(
    {
      scanner: req.scanner ?? 'report',
      startedAt,
      ...ingested,
      notifications: [...(req.notes ?? []), ...ingested.notifications],
      ...(req.gitlabReportTypes ? { gitlabReportTypes: req.gitlabReportTypes } : {}),
    },
    settings,
    deps,
    req.dryRun,
  );
}
