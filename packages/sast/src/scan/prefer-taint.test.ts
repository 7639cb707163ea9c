import type { RawFinding } from '@rampart/core';
import { describe, expect, it } from 'vitest';
import { preferTaint } from './prefer-taint.js';

function finding(ruleId: string, line: number, cwe: string, flow = false): RawFinding {
  return {
    kind: 'sast',
    ruleId,
    title: ruleId,
    message: ruleId,
    severity: 'high',
    identifiers: [{ type: 'cwe', value: cwe }],
    location: { type: 'source', path: 'a.js', startLine: line },
    tool: { name: 'rampart-sast', version: '0' },
    ...(flow ? { flow: [{ path: 'a.js', line: 1 }, { path: 'a.js', line }] } : {}),
  };
}

describe('preferTaint', () => {
  it('drops a structural finding on the line of a taint finding with the same CWE', () => {
    const out = preferTaint([finding('js.exec', 5, 'CWE-78'), finding('js.taint.cmd', 5, 'CWE-78', true)]);
    expect(out.map((f) => f.ruleId)).toEqual(['js.taint.cmd']);
  });

  it('keeps structural findings of another class, or on another line', () => {
    const out = preferTaint([
      finding('js.weak-hash', 5, 'CWE-328'),
      finding('js.exec', 6, 'CWE-78'),
      finding('js.taint.cmd', 5, 'CWE-78', true),
    ]);
    expect(out.map((f) => f.ruleId).sort()).toEqual(['js.exec', 'js.taint.cmd', 'js.weak-hash']);
  });
});
