import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeCode, normalizePath } from './fingerprint.js';

// The fast paths must give what the plain definitions give, for any text.
const referenceCode = (code: string): string => code.replace(/\s+/g, ' ').trim();
function referencePath(path: string): string {
  let p = path.replace(/\\/g, '/');
  if (p.startsWith('file://')) p = p.slice('file://'.length);
  while (p.startsWith('./')) p = p.slice(2);
  return p;
}

const spacey = fc.array(fc.constantFrom('a', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2028', '\ufeff', 'x;', '\\', '/', '.', './', 'file://'), { maxLength: 12 }).map((a) => a.join(''));
const text = fc.oneof(spacey, fc.string(), fc.string({ unit: 'binary' }));

describe('normalizeCode and normalizePath fast paths', () => {
  it('normalizeCode equals replace-and-trim', () => {
    fc.assert(fc.property(text, (s) => {
      expect(normalizeCode(s)).toBe(referenceCode(s));
    }), { numRuns: 5000 });
    expect(normalizeCode(' a\u00a0 b ')).toBe('a b');
    expect(normalizeCode('sink(x);')).toBe('sink(x);');
  });

  it('normalizePath equals the slash and prefix rewrite', () => {
    fc.assert(fc.property(text, (s) => {
      expect(normalizePath(s)).toBe(referencePath(s));
    }), { numRuns: 5000 });
    expect(normalizePath('file://./.\\a\\b')).toBe('a/b');
  });
});
