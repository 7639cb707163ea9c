import { SEVERITIES, type Finding, type GateVerdict, type Severity } from '@rampart/core';
import type { ActionsIO } from './io.js';

export type SeverityCounts = Record<Severity, number>;

/** Counts unsuppressed findings per severity: what a user means by "how many findings". */
export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as SeverityCounts;
  for (const f of findings) if (f.suppression === undefined) counts[f.severity]++;
  return counts;
}

export interface RunOutputs {
  counts: SeverityCounts;
  /** Findings new against the baseline; without a baseline every unsuppressed finding is new. */
  newCount: number;
  gate: GateVerdict | 'passed' | 'failed';
  /** The SARIF file, for `github/codeql-action/upload-sarif` in a later step. */
  sarifPath?: string;
  reportDir?: string;
  /** Further report files by output name, e.g. `{ 'summary': '…/summary.md', 'junit': '…/sast.junit.xml' }`. */
  reports?: Readonly<Record<string, string>>;
}

/** The outputs every Rampart action sets, by name; exported so the actions' action.yml test can list them. */
export function runOutputValues(o: RunOutputs): Record<string, string> {
  const out: Record<string, string> = {};
  let total = 0;
  for (const s of SEVERITIES) {
    out[s] = String(o.counts[s]);
    total += o.counts[s];
  }
  out.total = String(total);
  out.new = String(o.newCount);
  const passed = typeof o.gate === 'string' ? o.gate === 'passed' : o.gate.passed;
  out.gate = passed ? 'passed' : 'failed';
  if (o.sarifPath !== undefined) out.sarif = o.sarifPath;
  if (o.reportDir !== undefined) out['report-dir'] = o.reportDir;
  for (const [name, path] of Object.entries(o.reports ?? {})) out[name] = path;
  return out;
}

export function setRunOutputs(io: ActionsIO, o: RunOutputs): Record<string, string> {
  const values = runOutputValues(o);
  for (const [name, value] of Object.entries(values)) io.setOutput(name, value);
  return values;
}

/** GitHub refuses a step summary above 1 MiB and shows nothing at all, so we cut it short instead. */
export const SUMMARY_MAX_BYTES = 1024 * 1024;

export function fitSummary(markdown: string, maxBytes = SUMMARY_MAX_BYTES): string {
  if (Buffer.byteLength(markdown, 'utf8') <= maxBytes) return markdown;
  const note = '\n\n> The summary was cut short: it is larger than GitHub allows. The full report is in the reports artifact.\n';
  const budget = maxBytes - Buffer.byteLength(note, 'utf8');
  // Cut on a byte budget, then drop a partial trailing character and the partial last line.
  let cut = Buffer.from(markdown, 'utf8').subarray(0, budget).toString('utf8').replace(/\uFFFD$/, '');
  const lastNewline = cut.lastIndexOf('\n');
  if (lastNewline > 0) cut = cut.slice(0, lastNewline);
  return cut + note;
}

/** Writes the job summary; a runner without a summary file gets a warning, not a failed step. */
export async function writeJobSummary(io: ActionsIO, markdown: string): Promise<boolean> {
  try {
    await io.writeSummary(fitSummary(markdown));
    return true;
  } catch (e) {
    io.warning(`Could not write the job summary: ${(e as Error).message}`);
    return false;
  }
}
