import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRulesDir, isDirectory, ruleFilesIn } from '../rules/load-dir.js';
import { loadRules } from '../rules/load-rules.js';
import { formatRuleTestResult, runRuleTest } from './run-rule-test.js';

/**
 * The contract every built-in rule pack keeps: each rule file has a test file beside it, each rule has
 * a positive (`ruleid:`) and a negative (`ok:`) case there, and reports exactly the `ruleid` lines.
 */
const root = builtinRulesDir();
const files = isDirectory(root) ? ruleFilesIn(root) : [];

describe('built-in rule packs', () => {
  it('are found where the loader looks for them', () => {
    expect(isDirectory(root)).toBe(true);
    expect(files.every((f) => /\.ya?ml$/i.test(f))).toBe(true);
  });

  it('load together: rule ids are unique across all packs', () => {
    expect(() => loadRules({ builtinDir: root })).not.toThrow();
  });

  for (const file of files) {
    it(relative(root, file), () => {
      const result = runRuleTest(file);
      expect(formatRuleTestResult(result)).toBe('');
      expect(result.passed).toBe(true);
    });
  }
});
