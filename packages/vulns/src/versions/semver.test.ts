import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { semverComparator as c } from './semver.js';
import { itIsATotalOrder, itOrders } from './total-order.testkit.js';

describe('semver (npm, crates.io)', () => {
  // The precedence example of https://semver.org/#spec-item-11, then build metadata that must not count.
  itOrders(c, [
    ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0'],
    ['1.0.0', '2.0.0', '2.1.0', '2.1.1'],
    [['1.0.0+build.1', '1.0.0+build.2'], '1.0.1'],
    ['1.0.0-alpha+001', ['1.0.0', '1.0.0+20130313144700']],
    ['1.9.0', '1.10.0', '1.11.0'],
    ['0.0.0-0', '0.0.0'],
  ]);

  it('rejects what semver.org does not allow in an exact version', () => {
    for (const v of ['1.0', '01.0.0', '1.0.0-01', 'v1.0.0', '=1.0.0', ' 1.0.0', '1.0.0 ', '^1.0.0', '1.0.0-', '', 'latest']) {
      expect(c.isValid(v), v).toBe(false);
    }
  });

  itIsATotalOrder(
    c,
    fc
      .tuple(
        fc.nat(3),
        fc.nat(3),
        fc.nat(3),
        fc.option(fc.array(fc.constantFrom('alpha', 'beta', '0', '1', '11', 'rc', 'x-y'), { minLength: 1, maxLength: 3 })),
        fc.option(fc.constantFrom('b1', 'exp.sha.5114f85')),
      )
      .map(([M, m, p, pre, build]) => `${M}.${m}.${p}${pre ? `-${pre.join('.')}` : ''}${build ? `+${build}` : ''}`),
  );
});
