import { describe, expect, it } from 'vitest';
import { rawFinding } from '../writers/testing/fixtures.js';
import { processFindings, type ProcessOptions } from './process.js';

const base: ProcessOptions = {
  scanner: 'report',
  tools: [{ name: 'rampart', version: '0.0.0' }],
  startedAt: new Date('2026-11-29T00:00:00Z'),
  now: new Date('2026-11-29T00:01:00Z'),
  findings: [rawFinding({ ruleId: 'r1', severity: 'high' })],
  ignores: [],
  failOn: 'high',
  newOnly: true,
};

describe('processFindings baselineSource', () => {
  it('carries the description onto the run, with or without a baseline', () => {
    expect(processFindings({ ...base, baselineSource: 'run 4711 on main', baseline: [] }).baselineSource).toBe('run 4711 on main');
    const none = processFindings({ ...base, baselineSource: 'no run on main yet' });
    expect(none.baselineSource).toBe('no run on main yet');
    expect(none.gate?.passed).toBe(false);
  });

  it('leaves it out when not given or empty', () => {
    expect('baselineSource' in processFindings(base)).toBe(false);
    expect('baselineSource' in processFindings({ ...base, baselineSource: '' })).toBe(false);
  });
});
