import type { RawFinding } from '../../model/finding.js';
import { isRecord, parseEntry, parseTop } from '../schema.js';
import type { ReportReader, SkippedEntry } from '../types.js';
import { mapGrypeMatch, type GrypeTarget } from './map.js';
import { grypeMatchSchema, grypeReportSchema, type GrypeReport } from './schema.js';

const TITLE = 'Grype JSON';

function targetOf(report: GrypeReport): GrypeTarget {
  const tool = { name: 'grype', version: report.descriptor?.version ?? '' };
  const source = report.source;
  if (source?.type !== 'image') return { tool };
  const t = source.target;
  const image = (typeof t === 'string' ? t : t?.userInput) ?? 'unknown image';
  const os = report.distro?.name ? [report.distro.name, report.distro.version].filter(Boolean).join(' ') : undefined;
  return { tool, image, os };
}

export const grypeReader: ReportReader = {
  id: 'grype',
  title: TITLE,
  detect(doc) {
    if (!isRecord(doc) || !Array.isArray(doc['matches'])) return false;
    const descriptor = doc['descriptor'];
    return (isRecord(descriptor) && descriptor['name'] === 'grype') || isRecord(doc['source']);
  },
  read(doc, ctx) {
    const report = parseTop(grypeReportSchema, doc, ctx.file, TITLE);
    const target = targetOf(report);
    const findings: RawFinding[] = [];
    const skipped: SkippedEntry[] = [];
    report.matches.forEach((raw, i) => {
      const p = parseEntry(grypeMatchSchema, raw, `matches[${i}]`, 'match');
      if (p.ok) findings.push(mapGrypeMatch(p.data, target));
      else skipped.push(p.skipped);
    });
    return { findings, tools: [target.tool], skipped };
  },
};

export const readers: ReportReader[] = [grypeReader];
