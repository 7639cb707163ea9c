import { describe, expect, it } from 'vitest';
import { hexHash, parseIntegrity } from './hashes.js';

describe('parseIntegrity', () => {
  it('decodes SRI base64 to hex', () => {
    // sha1 of the empty string
    expect(parseIntegrity('sha1-2jmj7l5rSw0yVb/vlWAYkK/YBwk=')).toEqual([
      { alg: 'sha1', value: 'da39a3ee5e6b4b0d3255bfef95601890afd80709' },
    ]);
  });
  it('skips unknown algorithms and junk', () => {
    expect(parseIntegrity('md4-abc sha512-!!! nope')).toEqual([]);
    expect(parseIntegrity(undefined)).toEqual([]);
  });
});

describe('hexHash', () => {
  it('guesses the algorithm from the length', () => {
    expect(hexHash('A'.repeat(64))).toEqual({ alg: 'sha256', value: 'a'.repeat(64) });
    expect(hexHash('xyz')).toBeUndefined();
  });
});
