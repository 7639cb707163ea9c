import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../model/finding.js';
import { joinMapped } from './chunked.js';
import { issueJson, issueOf } from './codequality.js';
import { vulnerabilityJson, vulnerabilityOf } from './gitlab/vulnerability.js';
import type { GitlabReportType } from './gitlab/types.js';
import { findingsArb } from './testing/arbitraries.js';
import { everyKindRun } from './testing/fixtures.js';

// The writers build their largest outputs as strings; the object builders stay the reference.
const TYPES: GitlabReportType[] = ['sast', 'secret_detection', 'dast', 'dependency_scanning', 'container_scanning'];

/** Findings that share one identifiers list but differ in rule, title and tool, as one rule's results do. */
function sharingIdentifiers(findings: Finding[]): Finding[] {
  const shared = findings[0]?.identifiers ?? [];
  return findings.map((f, i) => ({ ...f, identifiers: shared, ...(i % 2 === 1 ? { title: `${f.title} (other)` } : {}) }));
}

describe('vulnerabilityJson', () => {
  it('is JSON.stringify(vulnerabilityOf(...)) for arbitrary findings of every report type', () => {
    fc.assert(
      fc.property(findingsArb, fc.constantFrom(...TYPES), fc.constantFrom('0000000', 'abc"\\1'), (findings, type, sha) => {
        for (const f of [...findings, ...sharingIdentifiers(findings)]) {
          expect(vulnerabilityJson(type, f, sha)).toBe(JSON.stringify(vulnerabilityOf(type, f, sha)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is the same for every kind of the shared fixture run', () => {
    const findings = everyKindRun().findings;
    expect(findings.length).toBeGreaterThan(3);
    for (const type of TYPES) for (const f of findings) expect(vulnerabilityJson(type, f, 'abc1234')).toBe(JSON.stringify(vulnerabilityOf(type, f, 'abc1234')));
  });
});

describe('issueJson', () => {
  it('is JSON.stringify(issueOf(f)) for arbitrary findings', () => {
    fc.assert(
      fc.property(findingsArb, (findings) => {
        for (const f of findings) expect(issueJson(f)).toBe(JSON.stringify(issueOf(f)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('joinMapped', () => {
  it('is items.map(render).join(sep), across chunk boundaries too', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 3 }), { maxLength: 20 }), fc.constantFrom(',', ',\n', ''), (items, sep) => {
        expect(joinMapped(items, (s) => `<${s}>`, sep)).toBe(items.map((s) => `<${s}>`).join(sep));
      }),
    );
    const big = Array.from({ length: 5000 }, (_, i) => 'x'.repeat(100) + String(i));
    expect(joinMapped(big, (s) => s, ',')).toBe(big.join(','));
    expect(joinMapped([], (s: string) => s, ',')).toBe('');
  });
});
