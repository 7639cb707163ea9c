import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderCodeQuality } from './codequality.js';
import { findingsArb } from './testing/arbitraries.js';
import { everyKindRun, scanRun } from './testing/fixtures.js';

interface Issue { description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } }

describe('renderCodeQuality', () => {
  it('gives every open finding a path, a line and its fingerprint', () => {
    const run = everyKindRun();
    const issues = JSON.parse(renderCodeQuality(run)) as Issue[];
    expect(issues).toHaveLength(run.findings.filter((f) => f.suppression === undefined).length);
    const by = new Map(issues.map((i) => [i.check_name, i]));
    expect(by.get('js.sqli')).toMatchObject({ severity: 'critical', location: { path: 'src/db/users.ts', lines: { begin: 42 } } });
    expect(by.get('GHSA-jf85-cpcp-j695')?.location).toEqual({ path: 'web/package-lock.json', lines: { begin: 1 } });
    expect(by.get('CVE-2023-5678')?.location.path).toBe('registry.example.test:5000/team/app');
    expect(by.get('10038')?.location.path).toBe('app.example.test/users/42');
    expect(by.get('generic.aws-key')?.severity).toBe('blocker');
    expect(by.has('tf.s3-public')).toBe(false);
  });

  it('has unique fingerprints and the required fields for arbitrary findings', () => {
    fc.assert(
      fc.property(findingsArb, (findings) => {
        const issues = JSON.parse(renderCodeQuality(scanRun(findings))) as Issue[];
        expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
        for (const i of issues) {
          expect(i.location.path.length).toBeGreaterThan(0);
          expect(i.location.lines.begin).toBeGreaterThanOrEqual(1);
          expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(i.severity);
        }
      }),
    );
  });
});
