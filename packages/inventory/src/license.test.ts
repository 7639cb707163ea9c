import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeLicense, normalizeLicenses } from './license.js';

describe('normalizeLicense', () => {
  it('keeps valid SPDX expressions', () => {
    expect(normalizeLicense('MIT')).toBe('MIT');
    expect(normalizeLicense('(MIT OR Apache-2.0)')).toBe('MIT OR Apache-2.0');
    expect(normalizeLicense('GPL-2.0-only WITH Classpath-exception-2.0')).toBe('GPL-2.0-only WITH Classpath-exception-2.0');
  });
  it('corrects common spellings', () => {
    expect(normalizeLicense('Apache 2.0')).toBe('Apache-2.0');
    expect(normalizeLicense('MIT License')).toBe('MIT');
    expect(normalizeLicense('MIT/Apache-2.0')).toBe('MIT OR Apache-2.0');
  });
  it('drops what is not a license id', () => {
    expect(normalizeLicense('SEE LICENSE IN LICENSE.md')).toBeUndefined();
    expect(normalizeLicense('UNLICENSED')).toBeUndefined();
    expect(normalizeLicense('')).toBeUndefined();
    expect(normalizeLicense(undefined)).toBeUndefined();
  });
  it('dedupes lists', () => {
    expect(normalizeLicenses(['MIT', 'MIT License', 'BSD-3-Clause'])).toEqual(['MIT', 'BSD-3-Clause']);
  });
  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const r = normalizeLicense(s);
      expect(r === undefined || typeof r === 'string').toBe(true);
    }));
  });
});
