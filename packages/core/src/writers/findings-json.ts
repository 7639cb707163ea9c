import { FINDINGS_FILE_VERSION, type FindingsFile } from '../model/findings-file.js';
import type { ScanRun } from '../model/run.js';
import { sortFindings } from './order.js';
import { isoUtc } from './time.js';

/** `findings.json`, the native format (model/findings-file.ts); every finding, suppressed ones marked. */
export function renderFindingsJson(run: ScanRun): string {
  const file: FindingsFile = {
    rampart: FINDINGS_FILE_VERSION,
    generatedAt: isoUtc(run.finishedAt, 'finishedAt'),
    tools: run.tools.map((t) => ({ name: t.name, version: t.version })),
    findings: sortFindings(run.findings),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
