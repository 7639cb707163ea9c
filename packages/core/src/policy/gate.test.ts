import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { diffBaseline } from './baseline.js';
import { FAIL_ON_VALUES, evaluateGate, parseFailOn } from './gate.js';
import { sourceFinding } from './test-builders.js';

const high = sourceFinding({ severity: 'high', path: 'old.ts' });
const medium = sourceFinding({ severity: 'medium', path: 'm.ts' });
const critical = sourceFinding({ severity: 'critical', path: 'new.ts' });
const unknown = sourceFinding({ severity: 'unknown', path: 'u.ts' });
const suppressedCritical = {
  ...sourceFinding({ severity: 'critical', path: 'sup.ts' }),
  suppression: { kind: 'ignore-file' as const, reason: 'accepted risk' },
};

describe('evaluateGate', () => {
  it('fails on findings at or above the threshold and lists them most severe first', () => {
    const v = evaluateGate({ findings: [medium, high, critical], failOn: 'high', newOnly: false });
    expect(v.passed).toBe(false);
    expect(v.causes.map((f) => f.severity)).toEqual(['critical', 'high']);
    expect(v.failOn).toBe('high');
    expect(v.newOnly).toBe(false);
  });

  it('passes when everything is below the threshold', () => {
    expect(evaluateGate({ findings: [medium], failOn: 'high', newOnly: false }).passed).toBe(true);
  });

  it('applies per-rule actions: fail whatever the severity, warn never', () => {
    const low = sourceFinding({ severity: 'low', path: 'l.ts', ruleId: 'zap-10038' });
    const crit = { ...critical, ruleId: 'zap-40012' };
    const actions = new Map<string, 'fail' | 'warn'>([['zap-10038', 'fail'], ['zap-40012', 'warn']]);
    const v = evaluateGate({ findings: [low, crit], failOn: 'high', newOnly: false, ruleActions: actions });
    expect(v.causes).toEqual([low]);
    expect(evaluateGate({ findings: [low], failOn: 'none', newOnly: false, ruleActions: actions }).passed).toBe(true);
  });

  it('never fails with none', () => {
    const v = evaluateGate({ findings: [critical, high], failOn: 'none', newOnly: false });
    expect(v).toEqual({ passed: true, failOn: 'none', newOnly: false, causes: [] });
  });

  it('ignores suppressed findings', () => {
    expect(evaluateGate({ findings: [suppressedCritical], failOn: 'low', newOnly: false }).passed).toBe(true);
  });

  it('counts unknown severities for info but not for low', () => {
    expect(evaluateGate({ findings: [unknown], failOn: 'info', newOnly: false }).passed).toBe(false);
    expect(evaluateGate({ findings: [unknown], failOn: 'low', newOnly: false }).passed).toBe(true);
  });

  it('with newOnly counts only findings missing from the baseline', () => {
    const v = evaluateGate({ findings: [high, critical], failOn: 'high', newOnly: true, baseline: [high] });
    expect(v.causes).toEqual([critical]);
    const onlyOld = evaluateGate({ findings: [high], failOn: 'high', newOnly: true, baseline: [high] });
    expect(onlyOld.passed).toBe(true);
  });

  it('with newOnly accepts a ready baseline diff', () => {
    const diff = diffBaseline([high, critical], [high]);
    expect(evaluateGate({ findings: [high, critical], failOn: 'high', newOnly: true, baseline: diff }).causes).toEqual([critical]);
  });

  it('with newOnly and no baseline treats every finding as new', () => {
    expect(evaluateGate({ findings: [high], failOn: 'high', newOnly: true }).causes).toEqual([high]);
  });

  it('without newOnly ignores the baseline', () => {
    expect(evaluateGate({ findings: [high], failOn: 'high', newOnly: false, baseline: [high] }).passed).toBe(false);
  });
});

describe('parseFailOn', () => {
  it('accepts every documented value, in any case and with spaces', () => {
    for (const v of FAIL_ON_VALUES) expect(parseFailOn(v)).toBe(v);
    expect(parseFailOn(' HIGH ')).toBe('high');
    expect(FAIL_ON_VALUES).toEqual(['critical', 'high', 'medium', 'low', 'info', 'none']);
  });

  it('throws a UserError naming the file, field and the allowed values', () => {
    let err: unknown;
    try {
      parseFailOn('severe', { file: '.rampart.yml', field: 'gate.fail-on' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    const u = err as UserError;
    expect(u.file).toBe('.rampart.yml');
    expect(u.field).toBe('gate.fail-on');
    expect(u.message).toContain('"severe"');
    expect(u.message).toContain('one of critical, high, medium, low, info, none');
  });

  it('rejects non-strings and unknown', () => {
    expect(() => parseFailOn(3, { field: '--fail-on' })).toThrow(/--fail-on/);
    expect(() => parseFailOn(undefined)).toThrow(UserError);
    expect(() => parseFailOn('unknown')).toThrow(UserError);
  });
});
