import type { RawFinding } from '../../model/finding.js';
import { isRecord, parseEntry, parseTop } from '../schema.js';
import type { ReportReader, SkippedEntry } from '../types.js';
import { mapSemgrepResult } from './map.js';
import { semgrepReportSchema, semgrepResultSchema } from './schema.js';

const TITLE = 'Semgrep JSON';

export const semgrepReader: ReportReader = {
  id: 'semgrep',
  title: TITLE,
  detect(doc) {
    if (!isRecord(doc) || !Array.isArray(doc['results'])) return false;
    const first: unknown = doc['results'][0];
    // An empty report still has Semgrep's `paths` block; Bandit's has `metrics` instead.
    if (first === undefined) return isRecord(doc['paths']) && Array.isArray(doc['errors']);
    return isRecord(first) && 'check_id' in first && 'extra' in first;
  },
  read(doc, ctx) {
    const report = parseTop(semgrepReportSchema, doc, ctx.file, TITLE);
    const tool = { name: 'semgrep', version: report.version ?? '' };
    const findings: RawFinding[] = [];
    const skipped: SkippedEntry[] = [];
    report.results.forEach((raw, i) => {
      const entry = `results[${i}]`;
      const parsed = parseEntry(semgrepResultSchema, raw, entry, 'result');
      if (!parsed.ok) return void skipped.push(parsed.skipped);
      const finding = mapSemgrepResult(parsed.data, tool);
      if (finding) findings.push(finding);
      else skipped.push({ reason: 'result has an empty path', entry });
    });
    return { findings, tools: [tool], skipped };
  },
};

export const readers: ReportReader[] = [semgrepReader];
