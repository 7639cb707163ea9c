import { describe, expect, it } from 'vitest';
import { SEVERITIES, type Severity } from './finding.js';
import {
  atLeast,
  bySeverityDesc,
  fromBandit,
  fromConfidenceName,
  fromCvssScore,
  fromGitlab,
  fromGrype,
  fromNpmAudit,
  fromSarifLevel,
  fromSecuritySeverity,
  fromSemgrep,
  fromTrivy,
  fromZapConfidence,
  fromZapRisk,
  maxSeverity,
  severityRank,
  toCodeQuality,
  toGitlab,
  toSarifLevel,
  toSecuritySeverity,
} from './severity.js';

describe('tool severity tables', () => {
  it.each([
    ['CRITICAL', 'critical'],
    ['HIGH', 'high'],
    ['MEDIUM', 'medium'],
    ['LOW', 'low'],
    ['UNKNOWN', 'unknown'],
  ] as const)('Trivy %s -> %s', (v, s) => expect(fromTrivy(v)).toBe(s));

  it.each([
    ['Critical', 'critical'],
    ['High', 'high'],
    ['Medium', 'medium'],
    ['Low', 'low'],
    ['Negligible', 'info'],
    ['Unknown', 'unknown'],
  ] as const)('Grype %s -> %s', (v, s) => expect(fromGrype(v)).toBe(s));

  it.each([
    ['ERROR', 'high'],
    ['WARNING', 'medium'],
    ['INFO', 'low'],
    ['CRITICAL', 'critical'],
    ['HIGH', 'high'],
    ['MEDIUM', 'medium'],
    ['LOW', 'low'],
    ['EXPERIMENT', 'info'],
    ['INVENTORY', 'info'],
  ] as const)('Semgrep %s -> %s', (v, s) => expect(fromSemgrep(v)).toBe(s));

  it.each([
    ['HIGH', 'high'],
    ['MEDIUM', 'medium'],
    ['LOW', 'low'],
    ['UNDEFINED', 'unknown'],
  ] as const)('Bandit %s -> %s', (v, s) => expect(fromBandit(v)).toBe(s));

  it.each([
    ['Critical', 'critical'],
    ['High', 'high'],
    ['Medium', 'medium'],
    ['Low', 'low'],
    ['Info', 'info'],
    ['Unknown', 'unknown'],
  ] as const)('GitLab %s -> %s', (v, s) => expect(fromGitlab(v)).toBe(s));

  it.each([
    ['critical', 'critical'],
    ['high', 'high'],
    ['moderate', 'medium'],
    ['low', 'low'],
    ['info', 'info'],
  ] as const)('npm audit %s -> %s', (v, s) => expect(fromNpmAudit(v)).toBe(s));

  it('is case- and space-insensitive, and unknown for anything else', () => {
    expect(fromTrivy(' critical ')).toBe('critical');
    expect(fromGrype('NEGLIGIBLE')).toBe('info');
    for (const f of [fromTrivy, fromGrype, fromSemgrep, fromBandit, fromGitlab, fromNpmAudit]) {
      expect(f(undefined)).toBe('unknown');
      expect(f('')).toBe('unknown');
      expect(f('severe')).toBe('unknown');
      expect(f('toString')).toBe('unknown');
      // Object.prototype keys must not leak out of the lookup tables.
      expect(f('constructor')).toBe('unknown');
      expect(f('__proto__')).toBe('unknown');
    }
  });
});

describe('SARIF', () => {
  it.each([
    ['error', 'high'],
    ['warning', 'medium'],
    ['note', 'low'],
    ['none', 'info'],
    [undefined, 'medium'],
    ['fatal', 'unknown'],
  ] as const)('level %s -> %s', (v, s) => expect(fromSarifLevel(v)).toBe(s));

  it.each([
    ['critical', 'error'],
    ['high', 'error'],
    ['medium', 'warning'],
    ['low', 'note'],
    ['info', 'note'],
    ['unknown', 'note'],
  ] as const)('%s -> level %s', (s, l) => expect(toSarifLevel(s)).toBe(l));

  it.each([
    [10, 'critical'],
    [9.0, 'critical'],
    [8.9, 'high'],
    [7.0, 'high'],
    [6.9, 'medium'],
    [4.0, 'medium'],
    [3.9, 'low'],
    [0.1, 'low'],
    [0, 'low'],
    ['9.8', 'critical'],
    ['5.3', 'medium'],
    ['', 'unknown'],
    ['high', 'unknown'],
    [11, 'unknown'],
    [-1, 'unknown'],
  ] as const)('security-severity %s -> %s', (v, s) => expect(fromSecuritySeverity(v)).toBe(s));

  it('writes a security-severity that reads back as the same severity', () => {
    for (const s of ['critical', 'high', 'medium', 'low'] as const) {
      const v = toSecuritySeverity(s);
      expect(v).toBeDefined();
      expect(fromSecuritySeverity(v ?? '')).toBe(s);
    }
    expect(toSecuritySeverity('info')).toBeUndefined();
    expect(toSecuritySeverity('unknown')).toBeUndefined();
  });
});

describe('CVSS', () => {
  it.each([
    [0, 'info'],
    [0.1, 'low'],
    [3.9, 'low'],
    [4.0, 'medium'],
    [6.9, 'medium'],
    [7.0, 'high'],
    [8.9, 'high'],
    [9.0, 'critical'],
    [10.0, 'critical'],
    [-0.1, 'unknown'],
    [10.1, 'unknown'],
    [Number.NaN, 'unknown'],
    [Number.POSITIVE_INFINITY, 'unknown'],
  ] as const)('score %s -> %s', (v, s) => expect(fromCvssScore(v)).toBe(s));
});

describe('ZAP', () => {
  it.each([
    [0, 'info'],
    [1, 'low'],
    [2, 'medium'],
    [3, 'high'],
    ['3', 'high'],
    [' 2 ', 'medium'],
    [4, 'unknown'],
    ['High', 'unknown'],
    ['constructor', 'unknown'],
  ] as const)('risk code %s -> %s', (v, s) => expect(fromZapRisk(v)).toBe(s));

  it.each([
    [0, 'false-positive'],
    [1, 'low'],
    [2, 'medium'],
    [3, 'high'],
    [4, 'high'],
    ['3', 'high'],
    [5, undefined],
    ['constructor', undefined],
  ] as const)('confidence code %s -> %s', (v, c) => expect(fromZapConfidence(v)).toBe(c));

  it.each([
    ['High', 'high'],
    ['Confirmed', 'high'],
    ['User Confirmed', 'high'],
    ['MEDIUM', 'medium'],
    ['low', 'low'],
    ['False Positive', undefined],
    [undefined, undefined],
  ] as const)('confidence name %s -> %s', (v, c) => expect(fromConfidenceName(v)).toBe(c));
});

describe('GitLab outputs', () => {
  it.each([
    ['critical', 'Critical', 'blocker'],
    ['high', 'High', 'critical'],
    ['medium', 'Medium', 'major'],
    ['low', 'Low', 'minor'],
    ['info', 'Info', 'info'],
    ['unknown', 'Unknown', 'info'],
  ] as const)('%s -> security %s, code quality %s', (s, gl, cq) => {
    expect(toGitlab(s)).toBe(gl);
    expect(toCodeQuality(s)).toBe(cq);
    expect(fromGitlab(toGitlab(s))).toBe(s);
  });
});

describe('ordering', () => {
  it('ranks critical > high > medium > low > unknown > info', () => {
    const order: Severity[] = ['critical', 'high', 'medium', 'low', 'unknown', 'info'];
    for (let i = 1; i < order.length; i++) {
      expect(severityRank(order[i - 1] ?? 'info')).toBeGreaterThan(severityRank(order[i] ?? 'info'));
    }
    const shuffled = [...SEVERITIES].reverse().map((severity) => ({ severity }));
    expect(shuffled.sort(bySeverityDesc).map((x) => x.severity)).toEqual(order);
  });

  it('atLeast compares against a threshold', () => {
    expect(atLeast('high', 'high')).toBe(true);
    expect(atLeast('critical', 'high')).toBe(true);
    expect(atLeast('medium', 'high')).toBe(false);
    expect(atLeast('unknown', 'info')).toBe(true);
    expect(atLeast('unknown', 'low')).toBe(false);
  });

  it('maxSeverity prefers a rated severity over unknown, else the higher', () => {
    expect(maxSeverity('low', 'high')).toBe('high');
    expect(maxSeverity('critical', 'medium')).toBe('critical');
    expect(maxSeverity('unknown', 'info')).toBe('info');
    expect(maxSeverity('low', 'unknown')).toBe('low');
    expect(maxSeverity('unknown', 'unknown')).toBe('unknown');
  });
});
