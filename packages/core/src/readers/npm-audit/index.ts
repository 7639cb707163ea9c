import { isRecord, parseTop } from '../schema.js';
import type { ReportReader } from '../types.js';
import { readV6 } from './v6.js';
import { readV7 } from './v7.js';
import { v6ReportSchema, v7ReportSchema } from './schema.js';

const TITLE = 'npm audit JSON';

function isV7(doc: Record<string, unknown>): boolean {
  return 'auditReportVersion' in doc;
}

export const npmAuditReader: ReportReader = {
  id: 'npm-audit',
  title: TITLE,
  detect(doc) {
    if (!isRecord(doc)) return false;
    if (isV7(doc)) return isRecord(doc['vulnerabilities']);
    return isRecord(doc['advisories']) && (isRecord(doc['metadata']) || Array.isArray(doc['actions']));
  },
  read(doc, ctx) {
    const tool = { name: 'npm audit', version: '' };
    if (isRecord(doc) && isV7(doc)) return readV7(parseTop(v7ReportSchema, doc, ctx.file, TITLE).vulnerabilities, tool);
    return readV6(parseTop(v6ReportSchema, doc, ctx.file, TITLE).advisories, tool);
  },
};

export const readers: ReportReader[] = [npmAuditReader];
