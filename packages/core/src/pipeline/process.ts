import type { Finding, RawFinding, Tool } from '../model/finding.js';
import type { GateThreshold, Notification, ScanRun } from '../model/run.js';
import { assignFingerprints } from '../model/fingerprint.js';
import { dedupe } from '../policy/index.js';
import { applyIgnores, applyInlineIgnores, ignoreNotifications, type IgnoreEntry } from '../policy/index.js';
import { diffBaseline, evaluateGate } from '../policy/index.js';

export interface ProcessOptions {
  scanner: string;
  tools: Tool[];
  startedAt: Date;
  now: Date;
  /** Findings as readers and scanners produce them; ones that already carry a fingerprint keep it. */
  findings: (RawFinding | Finding)[];
  ignores: IgnoreEntry[];
  failOn: GateThreshold;
  newOnly: boolean;
  baseline?: Finding[];
  /** Describes the baseline, or why there is none; see `ScanRun.baselineSource`. */
  baselineSource?: string;
  /** Reads a source file for inline `rampart-ignore` comments; undefined when it is not there. */
  readSource?: (path: string) => string | undefined;
  notifications?: Notification[];
  scannedResources?: { method: string; url: string }[];
  category?: string;
  /** Per-rule gate overrides (DAST rules files); see `GateInput.ruleActions`. */
  ruleActions?: ReadonlyMap<string, 'fail' | 'warn'>;
}

/**
 * The one path every scanner's findings take: fingerprint, dedupe, inline and file suppressions,
 * baseline, gate. Pure apart from `readSource`, so the CLI, the actions and the benchmark share it.
 */
export function processFindings(opts: ProcessOptions): ScanRun {
  let findings = dedupe(assignFingerprints(opts.findings));
  if (opts.readSource) findings = applyInlineIgnores(findings, opts.readSource);
  const ignored = applyIgnores(findings, opts.ignores, opts.now);
  findings = ignored.findings;
  const baseline = opts.baseline ? diffBaseline(findings, opts.baseline) : undefined;
  const gate = evaluateGate({ findings, failOn: opts.failOn, newOnly: opts.newOnly, ...(baseline ? { baseline } : {}), ...(opts.ruleActions ? { ruleActions: opts.ruleActions } : {}) });
  return {
    scanner: opts.scanner,
    tools: opts.tools,
    startedAt: opts.startedAt,
    finishedAt: opts.now,
    findings,
    notifications: [...(opts.notifications ?? []), ...ignoreNotifications(ignored)],
    ...(baseline ? { baseline } : {}),
    ...(opts.baselineSource !== undefined && opts.baselineSource !== '' ? { baselineSource: opts.baselineSource } : {}),
    gate,
    ...(opts.scannedResources ? { scannedResources: opts.scannedResources } : {}),
    ...(opts.category ? { category: opts.category } : {}),
  };
}
