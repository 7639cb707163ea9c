import type { RawFinding, Tool } from '../../model/finding.js';
import { isRecord, parseEntry, parseTop } from '../schema.js';
import type { ReportReader, ScannedResource, SkippedEntry } from '../types.js';
import { mapGitlabVuln } from './map.js';
import { gitlabReportSchema, gitlabVulnSchema, scannedResourceSchema, type GitlabReport } from './schema.js';

const TITLE = 'GitLab security report';

function toolOf(report: GitlabReport): Tool {
  const scanner = report.scan?.scanner;
  if (scanner?.name) return { name: scanner.name, version: scanner.version ?? '' };
  // 14.x reports may name the scanner only on each vulnerability.
  const first = report.vulnerabilities.find(isRecord);
  const perVuln = first && isRecord(first['scanner']) ? first['scanner']['name'] : undefined;
  return { name: typeof perVuln === 'string' && perVuln !== '' ? perVuln : 'GitLab analyzer', version: '' };
}

function scannedResources(report: GitlabReport): ScannedResource[] {
  return (report.scan?.scanned_resources ?? []).flatMap((r) => {
    const p = scannedResourceSchema.safeParse(r);
    return p.success ? [{ method: p.data.method.toUpperCase(), url: p.data.url }] : [];
  });
}

export const gitlabReader: ReportReader = {
  id: 'gitlab',
  title: TITLE,
  detect(doc) {
    if (!isRecord(doc) || typeof doc['version'] !== 'string' || !Array.isArray(doc['vulnerabilities'])) return false;
    const first: unknown = doc['vulnerabilities'][0];
    return isRecord(doc['scan']) || (isRecord(first) && 'identifiers' in first && 'location' in first);
  },
  read(doc, ctx) {
    const report = parseTop(gitlabReportSchema, doc, ctx.file, TITLE);
    const tool = toolOf(report);
    const findings: RawFinding[] = [];
    const skipped: SkippedEntry[] = [];
    report.vulnerabilities.forEach((raw, i) => {
      const entry = `vulnerabilities[${i}]`;
      const p = parseEntry(gitlabVulnSchema, raw, entry, 'vulnerability');
      const r = p.ok ? mapGitlabVuln(p.data, report.scan?.type, tool, entry) : p;
      if (r.ok) findings.push(r.data);
      else skipped.push(r.skipped);
    });
    const resources = scannedResources(report);
    return { findings, tools: [tool], skipped, ...(resources.length > 0 ? { scannedResources: resources } : {}) };
  },
};

export const readers: ReportReader[] = [gitlabReader];
