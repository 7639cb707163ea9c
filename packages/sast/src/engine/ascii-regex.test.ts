import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiRegex, asciiRegexes } from './ascii-regex.js';

describe('asciiRegex', () => {
  it('rewrites Unicode classes outside and inside character classes', () => {
    expect(asciiRegex('^\\w+\\b')).toBe('^(?-u:\\w)+(?-u:\\b)');
    expect(asciiRegex('^this\\.[\\w.]*$')).toBe('^this\\.[a-zA-Z0-9_.]*$');
    expect(asciiRegex('[^\\d]')).toBe('[^0-9]');
    expect(asciiRegex('a\\\\b')).toBe('a\\\\b');
    expect(asciiRegex('[]\\w]')).toBe('[]a-zA-Z0-9_]');
    expect(asciiRegex('(?i)select')).toBe('(?i)select');
  });

  it('matches what the original matched on ASCII text', () => {
    const patterns = ['^\\w+$', '\\bselect\\b', '^[\\w.]+\\(\\d+\\)$', '\\s+', '^[^\\s]+$'];
    fc.assert(
      fc.property(fc.constantFrom(...patterns), fc.string({ unit: fc.constantFrom('a', 'Z', '_', '1', ' ', '.', '(', ')', 's', 'e', 'l', 'c', 't') }), (p, text) => {
        const js = (s: string) => new RegExp(s.replace(/\(\?-u:(\\.)\)/g, '$1').replace('\\x0B', '\\v'));
        expect(js(asciiRegex(p)).test(text)).toBe(new RegExp(p).test(text));
      }),
    );
  });

  it('rewrites every regex value in a rule object and nothing else', () => {
    const rule = { rule: { any: [{ regex: '\\w' }, { pattern: 'a\\w' }], not: { regex: '\\d' } } };
    expect(asciiRegexes(rule)).toEqual({ rule: { any: [{ regex: '(?-u:\\w)' }, { pattern: 'a\\w' }], not: { regex: '(?-u:\\d)' } } });
  });
});
