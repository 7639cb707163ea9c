import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding, RawFinding } from '../model/finding.js';
import { assignFingerprints } from '../model/fingerprint.js';
import { dedupe } from './dedupe.js';
import { packageFinding, sourceFinding, urlFinding } from './test-builders.js';

function fixture(name: string): Finding[] {
  const url = new URL(`../../test/fixtures/policy/${name}/findings.json`, import.meta.url);
  return assignFingerprints(JSON.parse(readFileSync(url, 'utf8')) as RawFinding[]);
}

describe('dedupe: Trivy and Grype on the same lockfile', () => {
  const input = fixture('trivy-grype-alias');
  const out = dedupe(input);

  it('merges a CVE and a GHSA that lists it as an alias, and keeps other packages apart', () => {
    expect(input).toHaveLength(5);
    expect(out).toHaveLength(3);
    expect(out.map((f) => `${f.ruleId}@${f.location.type === 'package' ? f.location.version : ''}`)).toEqual([
      'CVE-2021-23337@4.17.20',
      'CVE-2021-23337@4.17.15',
      'CVE-2020-28500@4.17.20',
    ]);
  });

  it('keeps the CVE-named finding as the primary, with its fingerprint', () => {
    const merged = out.find((f) => f.ruleId === 'CVE-2021-23337' && f.location.type === 'package' && f.location.version === '4.17.20');
    expect(merged?.fingerprint).toBe(input[0]?.fingerprint);
    expect(merged?.tool.name).toBe('trivy');
    expect(merged?.alsoReportedBy).toEqual([{ name: 'grype', version: '0.86.1' }]);
  });

  it('unions identifiers case-insensitively and keeps the longer texts', () => {
    const merged = out.find((f) => f.fingerprint === input[0]?.fingerprint);
    expect(merged?.identifiers.map((i) => `${i.type}:${i.value}`)).toEqual([
      'cve:CVE-2021-23337',
      'cwe:CWE-94',
      'ghsa:GHSA-35jh-r3h4-6jhm',
    ]);
    expect(merged?.help).toBe(input[1]?.help);
    expect(merged?.message).toBe(input[1]?.message);
    expect(merged?.fix?.versions).toEqual(['4.17.21']);
  });

  it('prefers the CVE rule id even when the GHSA finding comes first, and unions fix versions', () => {
    const redos = out.find((f) => f.ruleId === 'CVE-2020-28500');
    expect(redos?.tool.name).toBe('trivy');
    expect(redos?.fingerprint).toBe(input[3]?.fingerprint);
    expect(redos?.fix?.versions).toEqual(['4.17.21', '5.0.0']);
    expect(redos?.identifiers.map((i) => i.value)).toContain('GHSA-29mw-wpgm-hmr9');
  });
});

describe('dedupe', () => {
  it('merges the same rule reported twice into one finding, with no alsoReportedBy for one tool', () => {
    const a = sourceFinding();
    const b = { ...sourceFinding(), message: 'User input reaches eval() in handler' };
    const out = dedupe([a, b]);
    expect(out).toHaveLength(1);
    expect(out[0]?.message).toBe(b.message);
    expect(out[0]?.alsoReportedBy).toBeUndefined();
  });

  it('merges one match reported by two tools once fingerprinted together, but not two matches', () => {
    const raw = (tool: string, line: number): RawFinding => {
      const { fingerprint: _, ...rest } = sourceFinding({ line, tool: { name: tool, version: '1' } });
      return rest;
    };
    const out = dedupe(assignFingerprints([raw('semgrep', 10), raw('rampart-sast', 10), raw('semgrep', 20)]));
    expect(out).toHaveLength(2);
    expect(out.find((f) => f.location.type === 'source' && f.location.startLine === 10)?.alsoReportedBy).toEqual([
      { name: 'rampart-sast', version: '1' },
    ]);
  });

  it('records another tool that reported the same fingerprint', () => {
    const a = sourceFinding();
    const b = { ...a, tool: { name: 'semgrep', version: '1.90.0' } };
    expect(dedupe([a, b])[0]?.alsoReportedBy).toEqual([{ name: 'semgrep', version: '1.90.0' }]);
  });

  it('takes the highest rated severity, and a rated one over unknown', () => {
    const a = packageFinding({ severity: 'unknown' });
    const b = packageFinding({ severity: 'medium', tool: { name: 'grype', version: '1' } });
    const c = packageFinding({ severity: 'critical', tool: { name: 'osv', version: '1' } });
    expect(dedupe([a, b])[0]?.severity).toBe('medium');
    expect(dedupe([a, b, c])[0]?.severity).toBe('critical');
  });

  it('does not merge advisories on different versions, files or images', () => {
    const base = packageFinding();
    const out = dedupe([
      base,
      packageFinding({ version: '4.17.21' }),
      packageFinding({ file: 'other/package-lock.json' }),
      packageFinding({ image: 'node:20' }),
    ]);
    expect(out).toHaveLength(4);
  });

  it('merges in-image findings whatever file path each tool gave', () => {
    const trivy = packageFinding({ image: 'alpine:3.18', ruleId: 'CVE-2023-5363', name: 'openssl', version: '3.1.3-r0' });
    const grype = packageFinding({
      image: 'alpine:3.18',
      file: '/lib/apk/db/installed',
      name: 'openssl',
      version: '3.1.3-r0',
      ruleId: 'CVE-2023-5363',
      tool: { name: 'grype', version: '0.86.1' },
    });
    expect(dedupe([trivy, grype])).toHaveLength(1);
  });

  it('does not merge source findings that share only an identifier', () => {
    const a = sourceFinding({ path: 'a.ts' });
    const b = sourceFinding({ path: 'b.ts' });
    expect(dedupe([a, b])).toHaveLength(2);
  });

  it('merges transitively: A~B by CVE, B~C by GHSA', () => {
    const a = packageFinding({ ruleId: 'CVE-2021-1000', identifiers: [] });
    const b = packageFinding({
      ruleId: 'OSV-1',
      identifiers: [{ type: 'cve', value: 'CVE-2021-1000' }, { type: 'ghsa', value: 'GHSA-2222-3333-4444' }],
      tool: { name: 'osv-scanner', version: '1' },
    });
    const c = packageFinding({ ruleId: 'GHSA-2222-3333-4444', tool: { name: 'grype', version: '1' } });
    const out = dedupe([c, b, a]);
    expect(out).toHaveLength(1);
    expect(out[0]?.ruleId).toBe('CVE-2021-1000');
    expect(out[0]?.alsoReportedBy?.map((t) => t.name)).toEqual(['grype', 'osv-scanner']);
    expect(out[0]?.identifiers.map((i) => `${i.type}:${i.value}`)).toEqual(
      expect.arrayContaining(['ghsa:GHSA-2222-3333-4444', 'osv:OSV-1', 'cve:CVE-2021-1000']),
    );
  });

  it('keeps a suppression that any copy carried', () => {
    const a = sourceFinding();
    const b = { ...a, suppression: { kind: 'inline' as const, reason: 'test fixture' } };
    expect(dedupe([a, b])[0]?.suppression).toEqual({ kind: 'inline', reason: 'test fixture' });
  });

  it('orders by severity, then location, then rule', () => {
    const out = dedupe([
      sourceFinding({ severity: 'low', path: 'a.ts' }),
      urlFinding({ severity: 'critical' }),
      sourceFinding({ severity: 'high', path: 'z.ts', line: 2 }),
      sourceFinding({ severity: 'high', path: 'b.ts', line: 30 }),
      sourceFinding({ severity: 'high', path: 'b.ts', line: 4, snippet: 'eval(other)' }),
      sourceFinding({ severity: 'high', path: 'b.ts', line: 4, ruleId: 'a.rule' }),
    ]);
    expect(out.map((f) => `${f.severity} ${f.location.type === 'source' ? `${f.location.path}:${f.location.startLine ?? 0}` : 'url'} ${f.ruleId}`)).toEqual([
      'critical url 10202',
      'high b.ts:4 a.rule',
      'high b.ts:4 js.eval',
      'high b.ts:30 js.eval',
      'high z.ts:2 js.eval',
      'low a.ts:10 js.eval',
    ]);
  });

  it('returns the empty list for no findings', () => {
    expect(dedupe([])).toEqual([]);
  });

  it('handles 100,000 findings (a timeout, not a clock, guards this)', () => {
    const many: Finding[] = [];
    for (let i = 0; i < 50_000; i++) {
      const f = packageFinding({ name: `pkg${i}`, ruleId: `CVE-2024-${10000 + (i % 10)}`, version: '1.0.0' });
      many.push(f, { ...f, fingerprint: `${f.fingerprint}x`, ruleId: `GHSA-${i}`, identifiers: [{ type: 'cve', value: f.ruleId }] });
    }
    const out = dedupe(many);
    expect(out).toHaveLength(50_000);
    expect(out.every((f) => f.ruleId.startsWith('CVE-'))).toBe(true);
  });
});

describe('dedupe properties', () => {
  const arbFinding = fc
    .record({
      name: fc.constantFrom('a', 'b', 'c'),
      version: fc.constantFrom('1', '2'),
      ruleId: fc.constantFrom('CVE-2020-1', 'CVE-2020-2', 'GHSA-x', 'OSV-1'),
      alias: fc.option(fc.constantFrom('CVE-2020-1', 'cve-2020-2', 'GHSA-X'), { nil: undefined }),
      tool: fc.constantFrom('trivy', 'grype', 'osv'),
      severity: fc.constantFrom('critical', 'high', 'medium', 'low', 'info', 'unknown') as fc.Arbitrary<Finding['severity']>,
    })
    .map(({ name, version, ruleId, alias, tool, severity }) =>
      packageFinding({
        name,
        version,
        ruleId,
        severity,
        identifiers: alias !== undefined ? [{ type: alias.startsWith('G') ? 'ghsa' : 'cve', value: alias }] : [],
        tool: { name: tool, version: '1' },
      }),
    );

  it('is idempotent and never grows the list', () => {
    fc.assert(
      fc.property(fc.array(arbFinding, { maxLength: 30 }), (findings) => {
        const once = dedupe(findings);
        expect(once.length).toBeLessThanOrEqual(findings.length);
        expect(dedupe(once).map((f) => f.fingerprint)).toEqual(once.map((f) => f.fingerprint));
      }),
    );
  });

  it('leaves no two findings with the same fingerprint (when fingerprinted as one set) and keeps every tool', () => {
    fc.assert(
      fc.property(fc.array(arbFinding, { maxLength: 30 }), (separately) => {
        const findings = assignFingerprints(separately.map((f) => ({ ...f, fingerprint: undefined })));
        const out = dedupe(findings);
        expect(new Set(out.map((f) => f.fingerprint)).size).toBe(out.length);
        const toolsIn = new Set(findings.map((f) => f.tool.name));
        const toolsOut = new Set(out.flatMap((f) => [f.tool.name, ...(f.alsoReportedBy ?? []).map((t) => t.name)]));
        expect(toolsOut).toEqual(toolsIn);
      }),
    );
  });
});
