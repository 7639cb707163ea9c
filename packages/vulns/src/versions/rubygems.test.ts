import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rubygemsComparator as c } from './rubygems.js';
import { itIsATotalOrder, itOrders } from './total-order.testkit.js';

describe('RubyGems (Gem::Version)', () => {
  // Cases of the RubyGems guides ("prerelease gems") and Gem::Version's documentation: any letter makes a
  // prerelease; `-` is `.pre.`; trailing zeros do not count; letters sort below numbers and among themselves by byte.
  itOrders(c, [
    ['1.0.a', '1.0.a.1', '1.0.b1', '1.0.rc1', '1.0.rc2', '1.0', '1.0.1', '1.1'],
    [['1.0', '1', '1.0.0'], '1.0.0.1'],
    [['1.0.a', '1.0.a.0', '1.a']],
    // `1.0-rc1` is `1.0.pre.rc1` and `1.0-1` is `1.0.pre.1`; a missing segment counts as 0, above any letters.
    ['1.0-rc1', '1.0.pre', '1.0-1', '1.0.rc1', '1.0'],
    ['1.9.3', '1.10.0', '2.0.0.beta1', '2.0.0'],
    ['5.2.4.2', '5.2.4.3', '6.0.0.rc1', '6.0.0', '6.0.3.1', '6.1.7.10', '7.0.0.alpha2', '7.0.0'],
    ['1.0.A', '1.0.B', '1.0.a'],
    [['3.0.0.beta.1', '3.0.0.beta1'], '3.0.0.beta.2', '3.0.0'],
  ]);

  it('accepts what Gem::Version accepts and no more', () => {
    for (const v of ['1.0.0-x86-linux', '1.2.3.pre.1', '0']) expect(c.isValid(v), v).toBe(true);
    for (const v of ['', 'a1', '1..0', '1.0.', '1.0-', '1.0_1', ' 1.0', '-1']) expect(c.isValid(v), v).toBe(false);
  });

  itIsATotalOrder(
    c,
    fc
      .tuple(
        fc.array(fc.constantFrom('0', '1', '2', '10', '00'), { minLength: 1, maxLength: 3 }),
        fc.array(fc.constantFrom('a', 'b1', 'pre', 'rc2', '0', '3', 'B'), { maxLength: 3 }),
        fc.option(fc.constantFrom('-1', '-rc1', '-x86-linux', '-pre.0')),
      )
      .map(([nums, rest, dash]) => [...nums, ...rest].join('.') + (dash ?? '')),
  );
});
