import { UserError } from '@rampart/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseRuleText } from './load-file.js';

/** The loader may accept a text or refuse it with a UserError; anything else thrown is a bug. */
function loadsOrExplains(text: string): void {
  try {
    const rules = parseRuleText(text, 'fuzz.yml');
    expect(Array.isArray(rules)).toBe(true);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    expect(e.file).toBe('fuzz.yml');
  }
}

const metaValue = fc.oneof(
  fc.constantFrom('t.x', 'Bad', 'javascript', 'python', 'high', 'low', 'CWE-78', 'search', 'taint', 'exec($X)'),
  fc.string(),
  fc.integer(),
  fc.constant(null),
  fc.array(fc.constantFrom('javascript', 'go', 'CWE-1', 'x'), { maxLength: 3 }),
);
const astGrepPart = fc.dictionary(
  fc.constantFrom('pattern', 'kind', 'regex', 'inside', 'has', 'not', 'any', 'all', 'matches', 'stopBy', 'focus', 'bogus'),
  fc.oneof(fc.string(), fc.constantFrom('exec($X)', 'call_expression', '^a', '$X', '$$$'), fc.constant({ pattern: '$A' })),
  { maxKeys: 3 },
);
const ruleLike = fc.record(
  {
    id: metaValue,
    languages: metaValue,
    message: metaValue,
    severity: metaValue,
    confidence: metaValue,
    cwe: metaValue,
    mode: metaValue,
    rule: astGrepPart,
    sources: fc.array(astGrepPart, { maxLength: 2 }),
    sinks: fc.array(astGrepPart, { maxLength: 2 }),
    utils: fc.dictionary(fc.string({ maxLength: 5 }), astGrepPart, { maxKeys: 2 }),
  },
  { requiredKeys: [] },
);

describe('rule loader fuzz', () => {
  it('never throws anything but a UserError on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), loadsOrExplains), { numRuns: 300 });
  });

  it('never throws anything but a UserError on arbitrary YAML values', () => {
    fc.assert(fc.property(fc.anything(), (value) => loadsOrExplains(stringify(value))), { numRuns: 200 });
  });

  it('never throws anything but a UserError on rule-shaped documents', () => {
    const docs = fc.array(ruleLike, { minLength: 1, maxLength: 3 });
    fc.assert(fc.property(docs, (list) => loadsOrExplains(list.map((d) => stringify(d)).join('---\n'))), { numRuns: 300 });
  });

  it('never throws anything but a UserError when only the ast-grep part is arbitrary', () => {
    const meta = { id: 't.x', message: 'm $X', severity: 'low', confidence: 'low', cwe: ['CWE-1'] };
    const languages = fc.subarray(['javascript', 'typescript', 'python', 'go', 'java', 'ruby', 'php'], { minLength: 1 });
    const search = fc.record({ languages, rule: astGrepPart }).map((r) => ({ ...meta, ...r }));
    const taint = fc
      .record({ languages, sources: fc.array(astGrepPart, { maxLength: 2 }), sinks: fc.array(astGrepPart, { maxLength: 2 }) })
      .map((r) => ({ ...meta, mode: 'taint', ...r }));
    fc.assert(fc.property(fc.oneof(search, taint), (doc) => loadsOrExplains(stringify(doc))), { numRuns: 300 });
  });
});
