import type { RawFinding } from '../../model/finding.js';
import { isRecord, parseEntry, parseTop } from '../schema.js';
import type { ReportReader, SkippedEntry } from '../types.js';
import { mapZapAlert } from './map.js';
import { normalizeZap } from './normalize.js';
import { zapAlertSchema, zapReportSchema, zapSiteSchema } from './schema.js';

const TITLE = 'ZAP traditional report (JSON or XML)';

function isXmlReport(doc: unknown): doc is Record<string, unknown> {
  return isRecord(doc) && 'OWASPZAPReport' in doc;
}

export const zapReader: ReportReader = {
  id: 'zap',
  title: TITLE,
  detect(doc) {
    if (isXmlReport(doc)) return true;
    return isRecord(doc) && 'site' in doc && ('@version' in doc || '@programName' in doc || '@generated' in doc);
  },
  read(doc, ctx) {
    const shaped = isRecord(doc) ? normalizeZap(doc) : doc;
    const report = parseTop(zapReportSchema, shaped, ctx.file, TITLE);
    const tool = { name: 'ZAP', version: report['@version'] ?? '' };
    const findings: RawFinding[] = [];
    const skipped: SkippedEntry[] = [];
    report.site.forEach((rawSite, s) => {
      const site = parseEntry(zapSiteSchema, rawSite, `site[${s}]`, 'site');
      if (!site.ok) return void skipped.push(site.skipped);
      (site.data.alerts ?? []).forEach((rawAlert, a) => {
        const entry = `site[${s}].alerts[${a}]`;
        const alert = parseEntry(zapAlertSchema, rawAlert, entry, 'alert');
        const results = alert.ok ? mapZapAlert(alert.data, tool, entry) : [alert];
        for (const r of results) {
          if (r.ok) findings.push(r.data);
          else skipped.push(r.skipped);
        }
      });
    });
    return { findings, tools: [tool], skipped };
  },
};

export const readers: ReportReader[] = [zapReader];
