import { FINDINGS_FILE_VERSION, type FindingsFile } from '../model/findings-file.js';
import type { ScanRun } from '../model/run.js';
import { joinMapped } from './chunked.js';
import { sortFindings } from './order.js';
import { isoUtc } from './time.js';

/** `findings.json`, the native format (model/findings-file.ts); every finding, suppressed ones marked. */
export function renderFindingsJson(run: ScanRun): string {
  const head: Omit<FindingsFile, 'findings'> = {
    rampart: FINDINGS_FILE_VERSION,
    generatedAt: isoUtc(run.finishedAt, 'finishedAt'),
    tools: run.tools.map((t) => ({ name: t.name, version: t.version })),
  };
  // One finding per line: a committed baseline diffs line by line, and this is several times faster
  // than indenting every nested field.
  const sorted = sortFindings(run.findings);
  const body = sorted.length > 0 ? `[\n${joinMapped(sorted, (f) => JSON.stringify(f), ',\n')}\n]` : '[]';
  return `${JSON.stringify(head).slice(0, -1)},"findings":${body}}\n`;
}
