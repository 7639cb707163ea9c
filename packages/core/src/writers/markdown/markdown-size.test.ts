import { describe, expect, it } from 'vitest';
import { FINDING_KINDS, SEVERITIES, type Finding, type Location, type RawFinding } from '../../model/finding.js';
import { assignFingerprints } from '../../model/fingerprint.js';
import type { Notification } from '../../model/run.js';
import { ignoreNotifications } from '../../policy/ignores.js';
import { scanRun } from '../testing/fixtures.js';
import { renderMarkdown } from './render.js';

const BLOB = 'https://github.com/o/r/blob/0123456789abcdef0123456789abcdef01234567/';

function location(kind: RawFinding['kind'], i: number): Location {
  if (kind === 'dast') return { type: 'url', url: `https://app.example.test/api/v1/item-${i}/view?q=${'x'.repeat(i % 50)}`, method: 'GET', param: 'q' };
  if (kind === 'container') return { type: 'package', name: `pkg-${i}`, version: '1.0.0', image: 'registry.example.test/team/app:1.2' };
  if (kind === 'dependency' || kind === 'license') return { type: 'package', name: `pkg-${i}`, version: '1.0.0', ecosystem: 'npm', file: `services/svc-${i % 40}/package-lock.json` };
  return { type: 'source', path: `src/module-${i % 97}/deeply/nested/path/file-${i}.ts`, startLine: (i % 900) + 1, endLine: (i % 900) + 3 };
}

function finding(i: number, prefix: string, suppressed: boolean): RawFinding {
  const kind = FINDING_KINDS[i % FINDING_KINDS.length] ?? 'sast';
  return {
    kind,
    ruleId: `${prefix}.rule-${i % 31}`,
    title: `${prefix} finding ${i}: ${'a long title with <tags> and @mentions '.repeat(6)}`,
    message: `message ${i} `.repeat(30),
    severity: SEVERITIES[i % SEVERITIES.length] ?? 'high',
    identifiers: [],
    location: location(kind, i),
    tool: { name: `tool-${kind}`, version: '1.0.0' },
    ...(suppressed ? { suppression: { kind: 'ignore-file' as const, reason: `accepted risk ${i}`, expires: '2030-01-01' } } : {}),
  };
}

/** Lines of the part of `md` that starts at the line containing `start` and ends before `end`. */
function block(md: string, start: string, end: RegExp): string[] {
  const lines = md.split('\n');
  const from = lines.findIndex((l) => l.includes(start));
  expect(from, `section "${start}" is present`).toBeGreaterThanOrEqual(0);
  const rest = lines.slice(from + 1);
  const to = rest.findIndex((l) => end.test(l));
  return to < 0 ? rest : rest.slice(0, to);
}

const num = (s: string | undefined): number => Number((s ?? 'NaN').replace(/,/g, ''));

describe('a PR report with 10,000 findings', () => {
  // 8,000 open (6,000 new, 2,000 existing), 2,000 suppressed, 5,000 fixed, 500 expired ignores.
  const current = assignFingerprints(Array.from({ length: 10_000 }, (_, i) => finding(i, 'now', i >= 8000)));
  const fixed = assignFingerprints(Array.from({ length: 5000 }, (_, i) => finding(i, 'fixed', false)));
  const expired = Array.from({ length: 500 }, (_, i) => ({ id: `CVE-2020-${i}`, reason: `temporary ${i}`, expires: '2024-01-01' }));
  const notifications: Notification[] = [
    ...ignoreNotifications({ expired, unused: [] }),
    ...Array.from({ length: 40 }, (_, i) => ({ level: 'note' as const, message: `scanner note ${i}` })),
  ];
  const isNew = (f: Finding): boolean => f.suppression === undefined && Number(/finding (\d+)/.exec(f.title)?.[1]) < 6000;
  const run = scanRun(current, {
    baseline: { new: current.filter(isNew), unchanged: current.filter((f) => !isNew(f)), fixed },
    baselineSource: 'findings.json of run 4711 on main (2026-11-28)',
    gate: { passed: false, failOn: 'high', newOnly: true, causes: current.slice(0, 2000) },
    notifications,
  });
  const md = renderMarkdown(run, { marker: 'rampart:report', links: { blobBase: BLOB } });

  it('fits the default limit, with room for the comment footer', () => {
    expect(md.length).toBeLessThanOrEqual(60_000);
    expect(md.length).toBeGreaterThan(50_000);
  });

  it('keeps the head whole', () => {
    expect(md).toContain('❌ **Gate failed**: 2,000 open findings at or above **high** (new findings only).');
    expect(md).toContain('Compared with findings\\.json of run 4711 on main \\(2026\\-11\\-28\\): 6,000 new, 5,000 fixed, 2,000 existing.');
    expect(md).toMatch(/\| \*\*Total\*\* \| 6,000 \(.*\) \| 5,000 \(.*\) \| 2,000 \(.*\) \| 2,000 \(.*\) \|/);
  });

  it('shows new findings first and says exactly how many of each it cut', () => {
    const lines = block(md, '### Findings (new first)', /^### |^<details>/);
    const rows = lines.filter((l) => /^\| (🟥|🟧|🟨|🟦|⬜|⬛) /.test(l));
    const shownNew = rows.filter((r) => r.includes('**new**')).length;
    expect(shownNew).toBe(rows.length);
    expect(shownNew).toBeGreaterThan(10);
    const m = /^_… and ([\d,]+) more new findings and ([\d,]+) more existing findings not shown; see findings\.json\._$/.exec(lines.find((l) => l.startsWith('_…')) ?? '');
    expect(m).not.toBeNull();
    expect(shownNew + num(m?.[1])).toBe(6000);
    expect(num(m?.[2])).toBe(2000);
  });

  it('lists some suppressed findings, collapsed, and counts the rest', () => {
    const lines = block(md, '<summary>🔕 2,000 suppressed findings</summary>', /^<\/details>/);
    const items = lines.filter((l) => l.startsWith('- ') && !l.startsWith('- …'));
    const cut = /^- … and ([\d,]+) more suppressed findings not shown; see findings\.json\.$/.exec(lines.find((l) => l.startsWith('- …')) ?? '');
    expect(items.length).toBeGreaterThan(0);
    expect(items.length + num(cut?.[1])).toBe(2000);
  });

  it('lists some fixed findings, collapsed, and counts the rest', () => {
    const lines = block(md, '<summary>✅ 5,000 findings fixed since the baseline</summary>', /^<\/details>/);
    const items = lines.filter((l) => l.startsWith('- ') && !l.startsWith('- …'));
    const cut = /^- … and ([\d,]+) more fixed findings not shown\.$/.exec(lines.find((l) => l.startsWith('- …')) ?? '');
    expect(items.length).toBeGreaterThan(0);
    expect(items.length + num(cut?.[1])).toBe(5000);
  });

  it('lists expired ignores in their own section and counts the rest', () => {
    const lines = block(md, '### Ignores to review', /^### |^<details>/);
    expect(lines).toContain('500 expired (they no longer hide findings), 0 matching nothing.');
    const items = lines.filter((l) => l.startsWith('- ⏰ **Expired**: Ignore entry \\(id CVE\\-2020\\-'));
    const cut = /^- … and ([\d,]+) more ignore entries to review not shown\.$/.exec(lines.find((l) => l.startsWith('- …')) ?? '');
    expect(items.length).toBeGreaterThan(0);
    expect(items.length + num(cut?.[1])).toBe(500);
  });

  it('keeps the other notes, and only them, in the notes', () => {
    const lines = block(md, '### Notes', /^### /);
    const items = lines.filter((l) => l.startsWith('- ℹ️ scanner note'));
    const cut = lines.find((l) => l.startsWith('- …'));
    expect(items.length + (cut === undefined ? 0 : num(/([\d,]+) more notes/.exec(cut)?.[1]))).toBe(40);
    expect(lines.join('\n')).not.toContain('Ignore entry');
  });

  it('lets no finding text open a tag or mention anyone', () => {
    expect(md).not.toContain('<tags>');
    expect(md).not.toMatch(/@(?!\u200d)mentions/);
  });

  it('still fits and keeps every section at a tenth of the room', () => {
    const small = renderMarkdown(run, { maxChars: 6000 });
    expect(small.length).toBeLessThanOrEqual(6000);
    for (const s of ['### Findings (new first)', '### Ignores to review', 'suppressed findings</summary>', 'fixed since the baseline</summary>', '### Notes']) expect(small).toContain(s);
  });

  it('at the smallest limit, where even the head does not fit, still fits and says it was cut', () => {
    const tiny = renderMarkdown(run, { maxChars: 10 });
    expect(tiny.length).toBeLessThanOrEqual(1000);
    expect(tiny).toMatch(/Gate failed/);
    expect(tiny.endsWith('_… report cut to fit the size limit; see findings.json._\n')).toBe(true);
  });
});
