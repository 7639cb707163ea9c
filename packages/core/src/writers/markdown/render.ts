import type { Finding } from '../../model/finding.js';
import type { GateVerdict, ScanRun } from '../../model/run.js';
import { newFingerprints, sortFindings, sortNewFirst } from '../order.js';
import { allocate, fittable, type Fittable } from './budget.js';
import { countByKind, scannerTable } from './counts.js';
import { escapeMarkdown, truncateEscaped } from './escape.js';
import { splitIgnoreNotes } from './ignore-notes.js';
import { formatCount } from './labels.js';
import type { LinkOptions } from './links.js';
import { findingsSection, fixedSection, ignoresSection, notesSection, suppressedSection } from './sections.js';

/** GitHub rejects comments and job summaries of 65,536 characters or more. */
export const MARKDOWN_HARD_LIMIT = 65_535;
export const MARKDOWN_DEFAULT_MAX = 60_000;
const MIN_CHARS = 1000;

export interface MarkdownOptions {
  maxChars?: number;
  /** Heading; trusted markdown from the caller. Default `Rampart <scanner> results`. */
  title?: string;
  /** Written as a hidden `<!-- marker -->` first line, so a sticky comment can find itself. */
  marker?: string;
  /** Links locations to the files at the PR head commit; without it locations are plain text. */
  links?: LinkOptions;
}

/**
 * Shares of the room left after the fixed head, in priority order: findings, ignores to review,
 * suppressed, fixed, notes. A section that needs less hands the rest on (see `allocate`).
 */
const SHARES = [0.5, 0.08, 0.14, 0.14, 0.14];

function verdictLine(gate: GateVerdict | undefined): string | undefined {
  if (gate === undefined) return undefined;
  const scope = gate.newOnly ? ' (new findings only)' : '';
  if (gate.failOn === 'none') return `**Gate:** off${scope}.`;
  if (gate.passed) return `✅ **Gate passed**: no open findings at or above **${gate.failOn}**${scope}.`;
  const n = gate.causes.length;
  return `❌ **Gate failed**: ${formatCount(n)} open finding${n === 1 ? '' : 's'} at or above **${gate.failOn}**${scope}.`;
}

/**
 * Where the comparison came from. The source text can carry a fork's branch name, so it is escaped
 * like finding text.
 */
function baselineLines(run: ScanRun): string[] {
  const source = run.baselineSource !== undefined && run.baselineSource !== '' ? truncateEscaped(escapeMarkdown(run.baselineSource), 300) : undefined;
  if (run.baseline !== undefined) {
    const b = run.baseline;
    const existing = b.unchanged.filter((f) => f.suppression === undefined).length;
    return [`Compared with ${source ?? 'the baseline'}: ${formatCount(b.new.length)} new, ${formatCount(b.fixed.length)} fixed, ${formatCount(existing)} existing.`, ''];
  }
  if (source === undefined) return [];
  return [`> ⚠️ **No baseline found**: ${source}. Every finding counts as new, so the gate applies to all of them.`, ''];
}

function markerLine(marker: string | undefined): string[] {
  if (marker === undefined || marker === '') return [];
  if (/^<!--.*-->$/s.test(marker) && !marker.slice(4, -3).includes('--')) return [marker];
  return [`<!-- ${marker.replace(/--+/g, '-').replace(/[<>]/g, '')} -->`];
}

function headLines(run: ScanRun, opts: MarkdownOptions): string[] {
  const head = [...markerLine(opts.marker), `## ${opts.title ?? `Rampart ${run.scanner} results`}`, ''];
  const verdict = verdictLine(run.gate);
  if (verdict !== undefined) head.push(verdict, '');
  head.push(...baselineLines(run));
  const counts = countByKind(run);
  if (counts.size === 0) head.push('No findings.');
  else head.push(...scannerTable(counts, run.baseline !== undefined));
  return head;
}

function sections(run: ScanRun, opts: MarkdownOptions): Fittable[] {
  const newSet = newFingerprints(run.baseline);
  const isNew = newSet !== undefined ? (f: Finding): boolean => newSet.has(f.fingerprint) : undefined;
  const sorted = sortFindings(run.findings);
  const open = sorted.filter((f) => f.suppression === undefined);
  const notes = splitIgnoreNotes(run.notifications);
  return [
    fittable(findingsSection(isNew !== undefined ? sortNewFirst(open, isNew) : open, isNew, opts.links)),
    fittable(ignoresSection(notes.ignores)),
    fittable(suppressedSection(sorted.filter((f) => f.suppression !== undefined))),
    fittable(fixedSection(sortFindings(run.baseline?.fixed ?? []))),
    fittable(notesSection(notes.other)),
  ];
}

/** Last resort for absurdly small limits: cut at a line end and say so. */
function hardCut(text: string, max: number): string {
  if (text.length <= max) return text;
  const note = '\n\n_… report cut to fit the size limit; see findings.json._\n';
  const room = text.slice(0, Math.max(0, max - note.length));
  const end = room.lastIndexOf('\n');
  return `${room.slice(0, end > 0 ? end : room.length)}${note}`;
}

/**
 * Job summary and the body of the one PR comment / MR note. The head (verdict, baseline status,
 * per-scanner counts) is always whole; the lists below share what is left of `maxChars`, and each
 * list that drops items says how many.
 */
export function renderMarkdown(run: ScanRun, opts: MarkdownOptions = {}): string {
  const max = Math.min(Math.max(opts.maxChars ?? MARKDOWN_DEFAULT_MAX, MIN_CHARS), MARKDOWN_HARD_LIMIT);
  const head = headLines(run, opts);
  const list = sections(run, opts);
  // The final newline and rounding slack are kept out of the sections' room.
  const available = Math.max(0, max - head.join('\n').length - 2);
  const budgets = allocate(available, list.map((s) => s.demand(available)), SHARES);
  const body = list.flatMap((s, i) => s.fit(budgets[i] ?? 0));
  return hardCut(`${[...head, ...body].join('\n')}\n`, max);
}
