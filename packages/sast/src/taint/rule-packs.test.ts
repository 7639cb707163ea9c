import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatRuleTestResult, runRuleTest } from '../ruletest/run-rule-test.js';
import { findTaint } from './index.js';

const RULES = join(dirname(fileURLToPath(import.meta.url)), '../../rules');
const PACKS = ['javascript/taint', 'python/taint', 'java/taint'].flatMap((dir) =>
  readdirSync(join(RULES, dir))
    .filter((f) => f.endsWith('.yml'))
    .map((f) => join(dir, f)),
);

describe('taint rule packs', () => {
  it('has rules for every taint language', () => {
    expect(PACKS.some((p) => p.startsWith('javascript/'))).toBe(true);
    expect(PACKS.some((p) => p.startsWith('python/'))).toBe(true);
    expect(PACKS.some((p) => p.startsWith('java/'))).toBe(true);
  });

  it.each(PACKS)('%s passes its annotated test file', (pack) => {
    const result = runRuleTest(join(RULES, pack), { findTaint });
    expect(formatRuleTestResult(result)).toBe('');
    expect(result.passed).toBe(true);
  });
});
