import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SAST_LANGUAGES, type PatternRule } from '../rule-types.js';
import { scanSource } from './scan-source.js';

const rule: PatternRule = {
  id: 'fuzz.call',
  languages: [...SAST_LANGUAGES],
  mode: 'search',
  message: 'call of $F with $$$A',
  severity: 'low',
  confidence: 'low',
  cwe: ['CWE-1'],
  rule: { regex: '^[a-z][a-z0-9]*$' },
};

const codeish = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ maxLength: 200, unit: 'grapheme' }),
  fc.array(fc.constantFrom('f(', ')', 'x', ' = ', '"', "'", '`${', '}', '\n', '# ', '// ', '/*', '<?php ', 'def ', '{', '\uFEFF', '\0', 'é'), { maxLength: 40 }).map((p) => p.join('')),
);

describe('scanSource on arbitrary text', () => {
  it('never throws, and every finding has a sane location', () => {
    let checked = 0;
    fc.assert(
      fc.property(codeish, fc.constantFrom(...SAST_LANGUAGES), (text, language) => {
        for (const f of scanSource(text, 'fuzz', [rule], { language })) {
          const loc = f.location;
          expect(loc.type).toBe('source');
          if (loc.type !== 'source') continue;
          expect(loc.startLine).toBeGreaterThanOrEqual(1);
          expect(loc.startColumn).toBeGreaterThanOrEqual(1);
          expect((loc.endLine ?? 0) >= (loc.startLine ?? 0)).toBe(true);
          expect(loc.snippet?.length ?? 0).toBeLessThanOrEqual(200);
          checked++;
        }
      }),
      { numRuns: 400 },
    );
    // The rule matches plain words, so the property above was exercised, not vacuously true.
    expect(checked).toBeGreaterThan(0);
  });
});
