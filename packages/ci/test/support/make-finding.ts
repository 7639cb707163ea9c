import type { Finding, Severity } from '@rampart/core';

let counter = 0;

/** A valid source finding; override anything. Fingerprints are unique per call. */
export function makeFinding(overrides: Partial<Finding> = {}): Finding {
  counter++;
  return {
    fingerprint: `fp-${counter}`,
    kind: 'sast',
    ruleId: `rule-${counter}`,
    title: `Finding ${counter}`,
    message: `Something is wrong (${counter})`,
    severity: 'medium',
    identifiers: [],
    location: { type: 'source', path: 'src/app.ts', startLine: counter, endLine: counter },
    tool: { name: 'rampart-sast', version: '0.1.0' },
    ...overrides,
  };
}

export function findingsOf(severity: Severity, n: number): Finding[] {
  return Array.from({ length: n }, () => makeFinding({ severity }));
}
