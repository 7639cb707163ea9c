import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { VersionComparator } from './types.js';

/**
 * The contract every comparator owes the OSV range matcher, as property tests: a range walk is only sound when
 * `compare` is a total order on valid versions, and `isValid` is the gate that untrusted strings pass through,
 * so it must answer rather than throw. Shared by the comparator tests; imported only from `*.test.ts`.
 */
export function itIsATotalOrder(comparator: VersionComparator, versions: fc.Arbitrary<string>): void {
  const valid = versions.filter((v) => comparator.isValid(v));
  const sign = (n: number): number => Math.sign(n) + 0;

  it('never throws in isValid on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), versions), (s) => {
        expect(typeof comparator.isValid(s)).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });

  it('is reflexive and antisymmetric', () => {
    fc.assert(
      fc.property(valid, valid, (a, b) => {
        expect(sign(comparator.compare(a, a))).toBe(0);
        expect(sign(comparator.compare(a, b))).toBe(sign(-comparator.compare(b, a)));
      }),
      { numRuns: 1000 },
    );
  });

  it('is transitive', () => {
    fc.assert(
      fc.property(valid, valid, valid, (a, b, c) => {
        const [x, y, z] = [a, b, c].sort((p, q) => comparator.compare(p, q)) as [string, string, string];
        expect(comparator.compare(x, y)).toBeLessThanOrEqual(0);
        expect(comparator.compare(y, z)).toBeLessThanOrEqual(0);
        expect(comparator.compare(x, z)).toBeLessThanOrEqual(0);
        if (comparator.compare(x, y) === 0 && comparator.compare(y, z) === 0) {
          expect(comparator.compare(x, z)).toBe(0);
        }
      }),
      { numRuns: 1000 },
    );
  });
}

/**
 * Checks a documented order: each row lists versions from lowest to highest; a nested list groups spellings that
 * the ecosystem treats as the same version.
 */
export function itOrders(comparator: VersionComparator, rows: readonly (readonly (string | readonly string[])[])[]): void {
  const groups = (row: readonly (string | readonly string[])[]): string[][] => row.map((e) => (typeof e === 'string' ? [e] : [...e]));
  it.each(rows.map((row) => [groups(row).map((g) => g.join(' = ')).join(' < '), groups(row)] as const))('%s', (_name, row) => {
    for (const v of row.flat()) expect(comparator.isValid(v), v).toBe(true);
    row.forEach((group, i) => {
      for (const a of group) {
        for (const b of group) expect(comparator.compare(a, b), `${a} = ${b}`).toBe(0);
        for (const b of row.slice(i + 1).flat()) {
          expect(comparator.compare(a, b), `${a} < ${b}`).toBeLessThan(0);
          expect(comparator.compare(b, a), `${b} > ${a}`).toBeGreaterThan(0);
        }
      }
    });
  });
}
