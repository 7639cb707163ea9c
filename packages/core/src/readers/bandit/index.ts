import type { RawFinding } from '../../model/finding.js';
import { isRecord, parseEntry, parseTop } from '../schema.js';
import type { ReportReader, SkippedEntry } from '../types.js';
import { mapBanditResult } from './map.js';
import { banditReportSchema, banditResultSchema } from './schema.js';

const TITLE = 'Bandit JSON';

export const banditReader: ReportReader = {
  id: 'bandit',
  title: TITLE,
  detect(doc) {
    if (!isRecord(doc) || !Array.isArray(doc['results'])) return false;
    const first: unknown = doc['results'][0];
    if (first === undefined) return isRecord(doc['metrics']) && 'generated_at' in doc;
    return isRecord(first) && 'test_id' in first && 'issue_severity' in first;
  },
  read(doc, ctx) {
    const report = parseTop(banditReportSchema, doc, ctx.file, TITLE);
    // Bandit's JSON does not carry its version.
    const tool = { name: 'bandit', version: '' };
    const findings: RawFinding[] = [];
    const skipped: SkippedEntry[] = [];
    report.results.forEach((raw, i) => {
      const entry = `results[${i}]`;
      const p = parseEntry(banditResultSchema, raw, entry, 'result');
      if (!p.ok) return void skipped.push(p.skipped);
      const finding = mapBanditResult(p.data, tool);
      if (finding) findings.push(finding);
      else skipped.push({ reason: 'result has an empty filename', entry });
    });
    return { findings, tools: [tool], skipped };
  },
};

export const readers: ReportReader[] = [banditReader];
