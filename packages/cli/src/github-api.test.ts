import { gzipSync } from 'node:zlib';
import { GITHUB_LIMITS, type Finding, type ScanRun } from '@rampart/core';
import { describe, expect, it } from 'vitest';
import { sarifPerKind } from './github-api.js';

let n = 0;
function finding(kind: Finding['kind'], tool = `rampart-${kind}`): Finding {
  n++;
  return {
    fingerprint: `fp-${n}`, kind, ruleId: `rule-${n % 50}`, title: `Finding ${n}`, message: `Something ${n} `.repeat(5), severity: 'high', identifiers: [],
    location: { type: 'source', path: `src/file-${n % 300}.ts`, startLine: n, endLine: n }, tool: { name: tool, version: '1.0.0' },
  };
}

function scanRun(findings: Finding[], fixed: Finding[] = []): ScanRun {
  return {
    scanner: 'report', tools: [{ name: 'rampart', version: '0.1.0' }], startedAt: new Date('2026-11-29T12:00:00Z'), finishedAt: new Date('2026-11-29T12:00:01Z'),
    findings, notifications: [{ level: 'note', message: 'merged 3 files' }],
    baseline: { new: findings, unchanged: [], fixed },
  };
}

const runsOf = (content: string) => (JSON.parse(content) as { runs: { automationDetails: { id: string }; tool: { driver: { name: string } }; results: unknown[] }[] }).runs;

describe('sarifPerKind', () => {
  it('writes one file per kind, each in its own category with only its findings and tools', () => {
    const files = sarifPerKind(scanRun([finding('sast'), finding('sast'), finding('dependency', 'rampart-deps')]), '/src');
    expect(files.map((f) => [f.name, f.category])).toEqual([['dependency.sarif', 'rampart/dependency/'], ['sast.sarif', 'rampart/sast/']]);
    const sast = runsOf(files[1]?.content ?? '{}');
    expect(sast.map((r) => [r.automationDetails.id, r.tool.driver.name, r.results.length])).toEqual([['rampart/sast/', 'rampart-sast', 2]]);
  });

  it('gives a kind that only the baseline had an empty upload, so code scanning closes its alerts', () => {
    const files = sarifPerKind(scanRun([finding('sast')], [finding('secret', 'gitleaks')]), '/src');
    const secret = files.find((f) => f.category === 'rampart/secret/');
    expect(secret).toBeDefined();
    expect(runsOf(secret?.content ?? '{}').map((r) => [r.tool.driver.name, r.results.length])).toEqual([['gitleaks', 0]]);
  });

  it('keeps every file under GitHub limits with 10,000 findings', () => {
    const many = [...Array.from({ length: 7000 }, () => finding('sast')), ...Array.from({ length: 3000 }, () => finding('dependency'))];
    const files = sarifPerKind(scanRun(many), '/src');
    expect(files.map((f) => f.category)).toEqual(['rampart/dependency/', 'rampart/sast/']);
    for (const f of files) {
      expect(gzipSync(f.content).length).toBeLessThanOrEqual(GITHUB_LIMITS.gzippedBytesPerFile);
      expect(runsOf(f.content).reduce((a, r) => a + r.results.length, 0)).toBe(f.category === 'rampart/sast/' ? 7000 : 3000);
    }
  });
});
