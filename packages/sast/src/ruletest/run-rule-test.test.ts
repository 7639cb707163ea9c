import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ruleFilesIn } from '../rules/load-dir.js';
import type { FindTaint } from '../taint/types.js';
import { formatRuleTestResult, runRuleTest } from './run-rule-test.js';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/engine/', import.meta.url));

describe('runRuleTest', () => {
  it.each(ruleFilesIn(`${FIXTURES}rules`).map((p) => [p.slice(FIXTURES.length), p]))('passes on %s', (_name, path) => {
    const result = runRuleTest(path);
    expect(formatRuleTestResult(result)).toBe('');
    expect(result.passed).toBe(true);
    expect(result.testFiles).toHaveLength(1);
    for (const rule of result.rules) expect(rule.positives).toBeGreaterThan(0);
  });

  it('catches a missed and an unexpected finding', () => {
    const result = runRuleTest(`${FIXTURES}broken/missed.yml`);
    expect(result.passed).toBe(false);
    expect(result.problems).toEqual([]);
    expect(result.rules).toEqual([
      {
        ruleId: 'test.js.eval',
        missed: [{ file: 'missed.js', line: 4 }],
        unexpected: [{ file: 'missed.js', line: 6, message: 'eval of other.' }],
        positives: 2,
        negatives: 1,
      },
    ]);
    expect(formatRuleTestResult(result)).toBe(
      'missed.js:4: test.js.eval missed (annotated ruleid, nothing reported)\nmissed.js:6: test.js.eval reported unexpectedly: eval of other.',
    );
  });

  it('fails a rule without a negative case and points at an annotation naming no rule', () => {
    const result = runRuleTest(`${FIXTURES}broken/no-cases.yml`);
    expect(result.passed).toBe(false);
    expect(result.problems).toEqual([
      'no-cases.js:3: "ok: test.js.settimout-string" names no rule of no-cases.yml',
      'rule test.js.settimeout-string: no "ok: test.js.settimeout-string" line in no-cases.js',
    ]);
  });

  it('fails a rule file without a test file', () => {
    const result = runRuleTest(`${FIXTURES}broken/no-test.yml`);
    expect(result.passed).toBe(false);
    expect(result.problems[0]).toMatch(/no-test\.yml: no test file/);
  });

  it('checks taint rules through the taint analysis it is given', () => {
    const point = (line: number, text: string) => ({ line, column: 2, endLine: line, endColumn: 2 + text.length, text, label: text });
    const fake: FindTaint = () => [{ source: point(1, 'req.query.cmd'), steps: [], sink: point(3, 'exec(cmd)') }];
    expect(formatRuleTestResult(runRuleTest(`${FIXTURES}taint/cmd.yml`, { findTaint: fake }))).toBe('');
    const wrong: FindTaint = () => [{ source: point(1, 'req.query.cmd'), steps: [], sink: point(5, 'exec(shellQuote(cmd))') }];
    const result = runRuleTest(`${FIXTURES}taint/cmd.yml`, { findTaint: wrong });
    expect(result.rules[0]?.missed).toEqual([{ file: 'cmd.js', line: 4 }]);
    expect(result.rules[0]?.unexpected).toMatchObject([{ file: 'cmd.js', line: 6 }]);
  });
});
