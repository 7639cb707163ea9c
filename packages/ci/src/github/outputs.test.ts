import { describe, expect, it } from 'vitest';
import { findingsOf, makeFinding } from '../../test/support/make-finding.js';
import { recordingIO } from './io.js';
import { countBySeverity, fitSummary, setRunOutputs, writeJobSummary } from './outputs.js';

describe('setRunOutputs', () => {
  it('sets counts, total, new, gate and report paths', () => {
    const io = recordingIO();
    const counts = countBySeverity([...findingsOf('high', 2), ...findingsOf('low', 1), makeFinding({ severity: 'critical', suppression: { kind: 'baseline', reason: 'old' } })]);
    setRunOutputs(io, {
      counts,
      newCount: 1,
      gate: { passed: false, failOn: 'high', newOnly: false, causes: [] },
      sarifPath: 'rampart-reports/sast.sarif',
      reportDir: 'rampart-reports',
      reports: { summary: 'rampart-reports/summary.md' },
    });
    expect(io.outputs).toEqual({
      critical: '0', high: '2', medium: '0', low: '1', info: '0', unknown: '0',
      total: '3', new: '1', gate: 'failed',
      sarif: 'rampart-reports/sast.sarif', 'report-dir': 'rampart-reports', summary: 'rampart-reports/summary.md',
    });
  });
});

describe('job summary', () => {
  it('cuts a summary above the limit on a line boundary and says so', () => {
    const md = Array.from({ length: 200 }, (_, i) => `| row ${i} | é |`).join('\n');
    const fitted = fitSummary(md, 1000);
    expect(Buffer.byteLength(fitted, 'utf8')).toBeLessThanOrEqual(1000);
    expect(fitted).toContain('cut short');
    expect(fitted.split('\n')[0]).toBe('| row 0 | é |');
    expect(fitSummary('small')).toBe('small');
  });

  it('warns instead of failing when the runner has no summary file', async () => {
    const io = recordingIO();
    io.writeSummary = () => Promise.reject(new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY'));
    expect(await writeJobSummary(io, '# x')).toBe(false);
    expect(io.at('warning')[0]?.message).toMatch(/job summary/);
  });
});
