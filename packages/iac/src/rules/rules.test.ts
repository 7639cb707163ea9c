import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRuleTests } from '../ruletest/run-rule-test.js';
import { ALL_RULES, RULE_PACKS } from './index.js';

const FIXTURES = join(import.meta.dirname, '../../test/fixtures/rules');

describe('rule packs', () => {
  for (const [pack, rules] of Object.entries(RULE_PACKS)) {
    it(`${pack}: every rule reports its ruleid lines and nothing on its ok lines`, () => {
      const report = runRuleTests(FIXTURES, rules, new Set(ALL_RULES.map((r) => r.id)));
      expect(report.failures.join('\n')).toBe('');
    });
  }

  it('rule ids are unique', () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
