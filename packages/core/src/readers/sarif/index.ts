import { parseTop, isRecord } from '../schema.js';
import type { ReportReader } from '../types.js';
import { readSarifRuns } from './read.js';
import { sarifLogSchema } from './schema.js';

/** SARIF 2.1.0 from any producer: CodeQL, Semgrep, ESLint, Bandit, Gitleaks, Trivy, ZAP. */
const TITLE = 'SARIF 2.1.0';

export const sarifReader: ReportReader = {
  id: 'sarif',
  title: TITLE,
  detect(doc) {
    if (!isRecord(doc) || !Array.isArray(doc['runs'])) return false;
    const version = doc['version'];
    const schema = doc['$schema'];
    return (typeof version === 'string' && version.startsWith('2.1')) || (typeof schema === 'string' && /sarif/i.test(schema));
  },
  read(doc, ctx) {
    const log = parseTop(sarifLogSchema, doc, ctx.file, TITLE);
    return readSarifRuns(log.runs);
  },
};

export const readers: ReportReader[] = [sarifReader];
