import type { Finding, Severity } from '../../model/finding.js';
import type { GateVerdict, Notification, ScanRun } from '../../model/run.js';
import { newFingerprints, sortFindings, sortNewFirst } from '../order.js';
import { displayLocation } from '../paths.js';
import { escapeMarkdown, truncateEscaped } from './escape.js';

/** GitHub rejects comments and job summaries of 65,536 characters or more. */
export const MARKDOWN_HARD_LIMIT = 65_535;
export const MARKDOWN_DEFAULT_MAX = 60_000;

export interface MarkdownOptions {
  maxChars?: number;
  /** Heading; trusted markdown from the caller. Default `Rampart <scanner> results`. */
  title?: string;
  /** Written as a hidden `<!-- marker -->` first line, so a sticky comment can find itself. */
  marker?: string;
}

const LABEL: Record<Severity, string> = {
  critical: '🟥 Critical',
  high: '🟧 High',
  medium: '🟨 Medium',
  low: '🟦 Low',
  info: '⬜ Info',
  unknown: '⬛ Unknown',
};
const NOTE_ICON: Record<Notification['level'], string> = { error: '❌', warning: '⚠️', note: 'ℹ️' };
const ORDER: Severity[] = ['critical', 'high', 'medium', 'low', 'unknown', 'info'];
const NOTES_SHARE = 0.25;

function verdictLine(gate: GateVerdict | undefined): string | undefined {
  if (gate === undefined) return undefined;
  const scope = gate.newOnly ? ' (new findings only)' : '';
  if (gate.failOn === 'none') return `**Gate:** off${scope}.`;
  if (gate.passed) return `✅ **Gate passed**: no open findings at or above **${gate.failOn}**${scope}.`;
  const n = gate.causes.length;
  return `❌ **Gate failed**: ${n} open finding${n === 1 ? '' : 's'} at or above **${gate.failOn}**${scope}.`;
}

function severityTable(run: ScanRun, newSet: Set<string> | undefined): string[] {
  const open = new Map<Severity, number>();
  const fresh = new Map<Severity, number>();
  const suppressed = new Map<Severity, number>();
  const bump = (m: Map<Severity, number>, s: Severity): void => {
    m.set(s, (m.get(s) ?? 0) + 1);
  };
  for (const f of run.findings) {
    if (f.suppression !== undefined) bump(suppressed, f.severity);
    else {
      bump(open, f.severity);
      if (newSet?.has(f.fingerprint)) bump(fresh, f.severity);
    }
  }
  if (run.findings.length === 0) return ['No findings.'];
  const withNew = newSet !== undefined;
  const lines = [
    withNew ? '| Severity | Open | New | Suppressed |' : '| Severity | Open | Suppressed |',
    withNew ? '|---|---:|---:|---:|' : '|---|---:|---:|',
  ];
  for (const s of ORDER) {
    const o = open.get(s) ?? 0;
    const x = suppressed.get(s) ?? 0;
    if (o === 0 && x === 0) continue;
    lines.push(withNew ? `| ${LABEL[s]} | ${o} | ${fresh.get(s) ?? 0} | ${x} |` : `| ${LABEL[s]} | ${o} | ${x} |`);
  }
  return lines;
}

function findingRow(f: Finding, isNew: boolean): string {
  const sev = `${LABEL[f.severity]}${isNew ? ' · **new**' : ''}`;
  const title = truncateEscaped(escapeMarkdown(f.title !== '' ? f.title : f.ruleId), 200);
  const message = f.message !== '' && f.message !== f.title ? `<br>${truncateEscaped(escapeMarkdown(f.message), 300)}` : '';
  const where = truncateEscaped(escapeMarkdown(displayLocation(f.location)), 200);
  const rule = `${truncateEscaped(escapeMarkdown(f.ruleId), 120)} (${truncateEscaped(escapeMarkdown(f.tool.name), 60)})`;
  return `| ${sev} | **${title}**${message} | ${where} | ${rule} |`;
}

function notesBlock(notes: readonly Notification[], budget: number): string[] {
  if (notes.length === 0) return [];
  const lines = ['', '### Notes', ''];
  let used = lines.join('\n').length;
  let shown = 0;
  for (const n of notes) {
    const line = `- ${NOTE_ICON[n.level]} ${truncateEscaped(escapeMarkdown(n.message), 1000)}`;
    if (used + line.length + 1 > budget - 80) break;
    lines.push(line);
    used += line.length + 1;
    shown += 1;
  }
  if (shown < notes.length) lines.push(`- … ${notes.length - shown} more notes not shown.`);
  return lines;
}

function markerLine(marker: string | undefined): string[] {
  if (marker === undefined || marker === '') return [];
  if (/^<!--.*-->$/s.test(marker) && !marker.slice(4, -3).includes('--')) return [marker];
  return [`<!-- ${marker.replace(/--+/g, '-').replace(/[<>]/g, '')} -->`];
}

/**
 * Job summary and PR/MR comment body. Open findings are listed most severe first (new ones first
 * when there is a baseline) until the character budget runs out; a last line says how many were cut.
 */
export function renderMarkdown(run: ScanRun, opts: MarkdownOptions = {}): string {
  const max = Math.min(Math.max(opts.maxChars ?? MARKDOWN_DEFAULT_MAX, 1000), MARKDOWN_HARD_LIMIT);
  const newSet = newFingerprints(run.baseline);
  const head = [...markerLine(opts.marker), `## ${opts.title ?? `Rampart ${run.scanner} results`}`, ''];
  const verdict = verdictLine(run.gate);
  if (verdict !== undefined) head.push(verdict, '');
  head.push(...severityTable(run, newSet));
  const notes = notesBlock(run.notifications, Math.floor(max * NOTES_SHARE));
  const sorted = sortFindings(run.findings).filter((f) => f.suppression === undefined);
  const ordered = newSet !== undefined ? sortNewFirst(sorted, (f) => newSet.has(f.fingerprint)) : sorted;
  const body: string[] = [];
  if (ordered.length > 0) {
    body.push('', '### Findings', '', '| Severity | Finding | Location | Rule |', '|---|---|---|---|');
    const reserve = 200;
    let used = head.join('\n').length + notes.join('\n').length + body.join('\n').length + reserve;
    let shown = 0;
    for (const f of ordered) {
      const row = findingRow(f, newSet?.has(f.fingerprint) ?? false);
      if (used + row.length + 1 > max) break;
      body.push(row);
      used += row.length + 1;
      shown += 1;
    }
    const cut = ordered.length - shown;
    if (cut > 0) body.push('', `_… and ${cut} more finding${cut === 1 ? '' : 's'} not shown (cut to fit ${max} characters); see findings.json for all._`);
  }
  return `${[...head, ...body, ...notes].join('\n')}\n`;
}
