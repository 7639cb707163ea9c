import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apkComparator as c } from './apk.js';
import { itIsATotalOrder, itOrders } from './total-order.testkit.js';

describe('Alpine (apk)', () => {
  // Suffix order and token-kind rules of apk-tools' version.c (see apk.ts): a pre-release suffix is below the
  // release; post-release suffixes, letters and further numbers above it; revisions count last.
  itOrders(c, [
    ['1.0_alpha', '1.0_alpha1', '1.0_alpha2', '1.0_beta', '1.0_pre1', '1.0_rc1', '1.0_rc1-r1', '1.0', '1.0-r1', '1.0-r2', '1.0-r10', '1.0_cvs', '1.0_svn', '1.0_git20240101', '1.0_hg', '1.0_p1', '1.0_p2', '1.0a', '1.0b', '1.0.1'],
    ['1.0_rc1', '1.0_rc1_p1', '1.0_rc2'],
    ['1.001', '1.01', '1.1', '1.2', '1.10'],
    ['1.0-r1', '1.0~1a2b3c', '1.0~1a2b3c-r1', '1.0_cvs'],
    ['1.2_alpha', '1.2', '1.2.0', '1.2.1_alpha', '1.2.1'],
    ['1.1.1t-r0', '1.1.1u-r0', '1.1.1u-r1', '1.1.2'],
    ['2.9.1-r5', '2.10.0-r0', '3.1.4-r5', '3.1.4-r6', '3.1.5-r0', '20240101-r0'],
  ]);

  it('rejects what apk-tools refuses', () => {
    for (const v of ['', 'a1', '1.0-1', '1.0-r', '1.0_foo', '1.0A', '1.0..1', '1.0a1', '1.0_alpha.1', '1.0-r1-r2', 'v1.0', '1.0~', '1.0~xyz', '1.0-r1_p1', '1.0 ']) {
      expect(c.isValid(v), v).toBe(false);
    }
  });

  itIsATotalOrder(
    c,
    fc
      .tuple(
        fc.array(fc.constantFrom('0', '1', '01', '10', '2'), { minLength: 1, maxLength: 3 }),
        fc.constantFrom('', 'a', 'z'),
        fc.array(fc.constantFrom('_alpha', '_beta1', '_pre', '_rc2', '_cvs', '_git1', '_p', '_p3'), { maxLength: 2 }),
        fc.constantFrom('', '~ab', '~0f'),
        fc.constantFrom('', '-r0', '-r1', '-r10'),
      )
      .map(([nums, letter, suffixes, hash, rev]) => `${nums.join('.')}${letter}${suffixes.join('')}${hash}${rev}`),
  );
});
