import { SEVERITIES, type Severity } from '../model/finding.js';
import type { ScanRun } from '../model/run.js';

export interface RunCounts {
  bySeverity: Record<Severity, number>;
  total: number;
  suppressed: number;
  /** Unsuppressed findings that are new against the baseline; equal to total without a baseline. */
  new: number;
}

/** Counts of what a run found, the same numbers for the CLI summary, action outputs and `--json`. */
export function countRun(run: ScanRun): RunCounts {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  let suppressed = 0;
  for (const f of run.findings) {
    if (f.suppression) suppressed++;
    else bySeverity[f.severity]++;
  }
  const total = run.findings.length - suppressed;
  const fresh = run.baseline ? run.baseline.new.length : total;
  return { bySeverity, total, suppressed, new: fresh };
}
