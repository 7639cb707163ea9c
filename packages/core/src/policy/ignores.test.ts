import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { applyIgnores, ignoreNotifications } from './ignores.js';
import type { IgnoreEntry } from './ignore-entry.js';
import { packageFinding, sourceFinding, urlFinding } from './test-builders.js';

const NOW = new Date('2025-06-15T12:00:00Z');

describe('applyIgnores', () => {
  const src = sourceFinding({ path: 'src/legacy/db.ts', ruleId: 'js.sql-injection', identifiers: [{ type: 'cwe', value: 'CWE-89' }] });
  const pkg = packageFinding({ ruleId: 'GHSA-35jh-r3h4-6jhm', identifiers: [{ type: 'cve', value: 'CVE-2021-23337' }], file: 'web/package-lock.json' });
  const dast = urlFinding({ url: 'https://app.example/admin/login?next=/' });
  const all = [src, pkg, dast];

  it('suppresses by rule id, by identifier alias (case-insensitive) and records reason and expiry', () => {
    const res = applyIgnores(all, [{ id: 'cve-2021-23337', reason: 'not reachable', expires: '2025-12-31' }], NOW);
    expect(res.findings[1]?.suppression).toEqual({ kind: 'ignore-file', reason: 'not reachable', expires: '2025-12-31' });
    expect(res.findings[0]?.suppression).toBeUndefined();
    expect(res.findings[2]?.suppression).toBeUndefined();
    expect(res.unused).toEqual([]);
    expect(res.expired).toEqual([]);
  });

  it('leaves out expires when the entry has none', () => {
    const res = applyIgnores(all, [{ id: 'JS.SQL-INJECTION', reason: 'parameterised below' }], NOW);
    expect(res.findings[0]?.suppression).toEqual({ kind: 'ignore-file', reason: 'parameterised below' });
  });

  it('suppresses by fingerprint', () => {
    const res = applyIgnores(all, [{ fingerprint: dast.fingerprint, reason: 'form has SameSite cookies' }], NOW);
    expect(res.findings.map((f) => f.suppression?.kind)).toEqual([undefined, undefined, 'ignore-file']);
  });

  it('matches path globs against source paths, lockfiles and URL paths', () => {
    const res = applyIgnores(
      all,
      [
        { path: 'src/legacy/**', reason: 'legacy code, removed in Q3' },
        { path: './web/*.json', reason: 'web is a demo' },
        { path: '/admin/**', reason: 'admin is behind VPN' },
      ],
      NOW,
    );
    expect(res.findings.map((f) => f.suppression?.reason)).toEqual([
      'legacy code, removed in Q3',
      'web is a demo',
      'admin is behind VPN',
    ]);
    expect(res.unused).toEqual([]);
  });

  it('also matches a URL path glob written without the leading slash', () => {
    const res = applyIgnores([dast], [{ path: 'admin/*', reason: 'vpn' }], NOW);
    expect(res.findings[0]?.suppression?.reason).toBe('vpn');
  });

  it('requires every given criterion to match', () => {
    const res = applyIgnores(
      all,
      [
        { id: 'js.sql-injection', path: 'src/other/**', reason: 'wrong path' },
        { id: 'CWE-89', path: 'src/**', reason: 'right path' },
      ],
      NOW,
    );
    expect(res.findings[0]?.suppression?.reason).toBe('right path');
    expect(res.unused).toEqual([{ id: 'js.sql-injection', path: 'src/other/**', reason: 'wrong path' }]);
  });

  it('gives the first matching entry in file order, and counts later overlapping ones as used', () => {
    const entries: IgnoreEntry[] = [
      { path: 'src/**', reason: 'first' },
      { id: 'js.sql-injection', reason: 'second' },
    ];
    const res = applyIgnores([src], entries, NOW);
    expect(res.findings[0]?.suppression?.reason).toBe('first');
    expect(res.unused).toEqual([]);
  });

  it('applies through the expiry day in UTC and stops the next day, reporting the entry', () => {
    const entry: IgnoreEntry = { id: 'js.sql-injection', reason: 'until the fix ships', expires: '2025-06-15' };
    const lastMoment = applyIgnores([src], [entry], new Date('2025-06-15T23:59:59.999Z'));
    expect(lastMoment.findings[0]?.suppression?.kind).toBe('ignore-file');
    expect(lastMoment.expired).toEqual([]);

    const nextDay = applyIgnores([src], [entry], new Date('2025-06-16T00:00:00Z'));
    expect(nextDay.findings[0]?.suppression).toBeUndefined();
    expect(nextDay.expired).toEqual([entry]);
    expect(nextDay.unused).toEqual([]);
  });

  it('reports entries that matched nothing', () => {
    const stale: IgnoreEntry = { id: 'CVE-1999-0001', reason: 'old' };
    const res = applyIgnores(all, [stale], NOW);
    expect(res.unused).toEqual([stale]);
    expect(res.findings.every((f) => f.suppression === undefined)).toBe(true);
  });

  it('keeps an inline suppression, but counts the entry as used', () => {
    const inline = { ...src, suppression: { kind: 'inline' as const, reason: 'inline reason' } };
    const res = applyIgnores([inline], [{ id: 'js.sql-injection', reason: 'file reason' }], NOW);
    expect(res.findings[0]?.suppression).toEqual({ kind: 'inline', reason: 'inline reason' });
    expect(res.unused).toEqual([]);
  });

  it('does not mutate its input', () => {
    applyIgnores(all, [{ id: 'js.sql-injection', reason: 'x' }], NOW);
    expect(src.suppression).toBeUndefined();
  });

  it('rejects entries that would match everything, have no reason or a bad date', () => {
    expect(() => applyIgnores(all, [{ reason: 'x' }], NOW)).toThrow(UserError);
    expect(() => applyIgnores(all, [{ reason: 'x' }], NOW)).toThrow(/ignore\[0\].*at least one of id, fingerprint, path/);
    expect(() => applyIgnores(all, [{ id: 'a', reason: 'x' }, { id: 'a', reason: '  ' }], NOW)).toThrow(/ignore\[1\]\.reason/);
    expect(() => applyIgnores(all, [{ id: 'a', reason: 'x', expires: '2025-02-30' }], NOW)).toThrow(/YYYY-MM-DD/);
    expect(() => applyIgnores(all, [{ id: '', reason: 'x' }], NOW)).toThrow(/ignore\[0\]\.id/);
  });

  it('scales: many findings against many ignores', () => {
    const findings = Array.from({ length: 20_000 }, (_, i) => sourceFinding({ path: `src/f${i}.ts`, ruleId: `rule-${i % 100}` }));
    const ignores = Array.from({ length: 2_000 }, (_, i): IgnoreEntry => ({ id: `rule-${i}`, reason: 'bulk' }));
    const res = applyIgnores(findings, ignores, NOW);
    expect(res.findings.every((f) => f.suppression?.kind === 'ignore-file')).toBe(true);
    expect(res.unused).toHaveLength(1_900);
  });
});

describe('ignoreNotifications', () => {
  it('turns expired and unused entries into warnings that name the entry', () => {
    const notes = ignoreNotifications({
      expired: [{ id: 'CVE-2020-1', reason: 'waiting for upstream', expires: '2025-01-31' }],
      unused: [{ path: 'vendor/**', reason: 'third-party code' }],
    });
    expect(notes).toHaveLength(2);
    expect(notes.every((n) => n.level === 'warning')).toBe(true);
    expect(notes[0]?.message).toMatch(/id CVE-2020-1.*expired on 2025-01-31.*waiting for upstream/);
    expect(notes[1]?.message).toMatch(/path vendor\/\*\*.*matched no finding.*third-party code/);
  });

  it('says nothing when every entry applied', () => {
    expect(ignoreNotifications({ expired: [], unused: [] })).toEqual([]);
  });
});
