import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cvssBaseScore } from './index.js';

const PREFIXES = ['', 'CVSS:2.0/', 'CVSS:3.0/', 'CVSS:3.1/', 'CVSS:4.0/', 'CVSS:3.1', 'CVSS:'];
const KEYS = ['AV', 'AC', 'AT', 'PR', 'UI', 'S', 'C', 'I', 'A', 'Au', 'VC', 'VI', 'VA', 'SC', 'SI', 'SA', 'E', 'MAV', 'CR', 'x', ''];
const VALUES = ['N', 'L', 'H', 'P', 'A', 'R', 'U', 'C', 'M', 'S', 'X', 'ND', 'POC', 'Z', ''];

/** Vectors assembled from plausible metric names and values, so that many are nearly valid. */
const nearVectors = fc
  .tuple(fc.constantFrom(...PREFIXES), fc.array(fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES)), { maxLength: 14 }))
  .map(([prefix, pairs]) => prefix + pairs.map(([k, v]) => `${k}:${v}`).join('/'));

describe('cvssBaseScore on untrusted input', () => {
  it('never throws and returns a score from 0 to 10 with one decimal, or undefined', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), nearVectors), (vector) => {
        const result = cvssBaseScore(vector);
        if (result !== undefined) {
          expect(result.score).toBeGreaterThanOrEqual(0);
          expect(result.score).toBeLessThanOrEqual(10);
          expect(Math.round(result.score * 10) / 10).toBe(result.score);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('rejects prototype keys', () => {
    expect(cvssBaseScore('constructor:N/AV:N/AC:L/Au:N/C:P/I:P/A:P')).toBeUndefined();
    expect(cvssBaseScore('CVSS:3.1/__proto__:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toBeUndefined();
  });
});
