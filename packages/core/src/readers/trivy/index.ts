import { isRecord, parseTop } from '../schema.js';
import type { ReportReader } from '../types.js';
import { readTrivyLegacy, readTrivyV2 } from './read.js';
import { trivyLegacySchema, trivyReportSchema } from './schema.js';

const TITLE = 'Trivy JSON';

function looksLikeLegacy(doc: unknown): doc is unknown[] {
  if (!Array.isArray(doc) || doc.length === 0) return false;
  const first: unknown = doc[0];
  return isRecord(first) && typeof first['Target'] === 'string' && ('Vulnerabilities' in first || 'Type' in first);
}

export const trivyReader: ReportReader = {
  id: 'trivy',
  title: TITLE,
  detect(doc) {
    if (looksLikeLegacy(doc)) return true;
    return isRecord(doc) && typeof doc['SchemaVersion'] === 'number' && ('Results' in doc || 'ArtifactName' in doc);
  },
  read(doc, ctx) {
    if (Array.isArray(doc)) {
      const results = parseTop(trivyLegacySchema, doc, ctx.file, TITLE);
      return readTrivyLegacy(results, { name: 'trivy', version: '' });
    }
    const report = parseTop(trivyReportSchema, doc, ctx.file, TITLE);
    return readTrivyV2(report, { name: 'trivy', version: report.Trivy?.Version ?? '' });
  },
};

export const readers: ReportReader[] = [trivyReader];
