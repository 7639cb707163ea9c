import type { RawFinding, Tool } from '../../model/finding.js';
import { isRecord, parseEntry, parseTop, type EntryResult } from '../schema.js';
import type { ReportReader, SkippedEntry } from '../types.js';
import { mapLeakV7, mapLeakV8 } from './map.js';
import { gitleaksReportSchema, leakV7Schema, leakV8Schema } from './schema.js';

const TITLE = 'Gitleaks JSON';

function isV8(entry: unknown): boolean {
  return isRecord(entry) && 'RuleID' in entry && ('File' in entry || 'Secret' in entry);
}

function isV7(entry: unknown): boolean {
  return isRecord(entry) && 'rule' in entry && ('offender' in entry || 'lineNumber' in entry);
}

const NO_FILE = 'leak has an empty file path';

function readV8(raw: unknown, entry: string, tool: Tool): EntryResult<RawFinding> {
  const p = parseEntry(leakV8Schema, raw, entry, 'leak');
  if (!p.ok) return p;
  const f = mapLeakV8(p.data, tool);
  return f ? { ok: true, data: f } : { ok: false, skipped: { reason: NO_FILE, entry } };
}

function readV7(raw: unknown, entry: string, tool: Tool): EntryResult<RawFinding> {
  const p = parseEntry(leakV7Schema, raw, entry, 'leak');
  if (!p.ok) return p;
  const f = mapLeakV7(p.data, tool);
  return f ? { ok: true, data: f } : { ok: false, skipped: { reason: NO_FILE, entry } };
}

export const gitleaksReader: ReportReader = {
  id: 'gitleaks',
  title: TITLE,
  /** Gitleaks writes `[]` when it finds nothing, so an empty list is read as a clean Gitleaks report. */
  detect(doc) {
    return Array.isArray(doc) && (doc.length === 0 || isV8(doc[0]) || isV7(doc[0]));
  },
  read(doc, ctx) {
    const leaks = parseTop(gitleaksReportSchema, doc, ctx.file, TITLE);
    const tool = { name: 'gitleaks', version: '' };
    const findings: RawFinding[] = [];
    const skipped: SkippedEntry[] = [];
    leaks.forEach((raw, i) => {
      const entry = `[${i}]`;
      const p = isV7(raw) ? readV7(raw, entry, tool) : readV8(raw, entry, tool);
      if (p.ok) findings.push(p.data);
      else skipped.push(p.skipped);
    });
    return { findings, tools: [tool], skipped };
  },
};

export const readers: ReportReader[] = [gitleaksReader];
