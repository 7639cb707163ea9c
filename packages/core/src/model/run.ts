import type { Finding, Severity, Tool } from './finding.js';

/** A message about the run itself (SARIF `toolExecutionNotifications`, the summary's notes). */
export interface Notification {
  level: 'error' | 'warning' | 'note';
  message: string;
}

export type GateThreshold = Severity | 'none';

export interface GateVerdict {
  passed: boolean;
  failOn: GateThreshold;
  newOnly: boolean;
  /** The unsuppressed findings at or above the threshold (and new, with `newOnly`) that failed the gate. */
  causes: Finding[];
}

export interface BaselineDiff {
  new: Finding[];
  unchanged: Finding[];
  /** In the baseline, gone now. */
  fixed: Finding[];
}

/**
 * Everything the writers need about one run. `findings` holds every finding after dedupe, with the
 * suppressed ones still present but marked, so each format can show or hide them as it should.
 */
export interface ScanRun {
  /** Short name used in file names: `report`, `sast`, `dast`, `container`, `deps`, `sbom`. */
  scanner: string;
  /** Every tool whose results are in the run; the first is the primary one. */
  tools: Tool[];
  startedAt: Date;
  finishedAt: Date;
  findings: Finding[];
  notifications: Notification[];
  /** Set when a baseline was given: which findings are new. */
  baseline?: BaselineDiff;
  /**
   * Where the baseline came from ("findings.json of run 4711 on main (2026-11-28)"), or, with no
   * `baseline`, why none was found; the summary shows it under the verdict.
   */
  baselineSource?: string;
  gate?: GateVerdict;
  /** DAST: the URLs requested (GitLab `scan.scanned_resources`). */
  scannedResources?: { method: string; url: string }[];
  /** SARIF `automationDetails.id` category, e.g. `rampart/report/`. */
  category?: string;
}
