import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goComparator as c } from './go.js';
import { itIsATotalOrder, itOrders } from './total-order.testkit.js';

describe('Go modules', () => {
  // The three pseudo-version forms of https://go.dev/ref/mod#pseudo-versions, each below the release it precedes and
  // above the tag it is based on; later commits sort later.
  itOrders(c, [
    ['v0.0.0-20191109021931-daa7c04131f5', 'v0.0.0-20200101000000-000000000000', 'v0.0.1'],
    ['v1.2.3-pre', 'v1.2.3-pre.0.20191109021931-daa7c04131f5', 'v1.2.3'],
    ['v1.2.3', 'v1.2.4-0.20191109021931-daa7c04131f5', 'v1.2.4-0.20201109021931-aaaaaaaaaaaa', 'v1.2.4'],
    [['1.2.3', 'v1.2.3'], '1.2.4'],
    ['v1.9.9', ['v2.0.0', 'v2.0.0+incompatible'], '2.0.1+incompatible'],
    ['1.20.0-rc.1', '1.20.0', '1.20.10'],
  ]);

  it('rejects non-semver and doubled prefixes', () => {
    for (const v of ['vv1.0.0', 'v1.0', 'go1.20', 'v01.0.0', '1.0.0-01', 'V1.0.0', '']) expect(c.isValid(v), v).toBe(false);
  });

  itIsATotalOrder(
    c,
    fc
      .tuple(
        fc.boolean(),
        fc.nat(3),
        fc.nat(3),
        fc.option(fc.constantFrom('0.20191109021931-daa7c04131f5', 'pre.0.20201109021931-aaaaaaaaaaaa', '20191109021931-daa7c04131f5', 'rc.1')),
        fc.boolean(),
      )
      .map(([v, M, p, pre, inc]) => `${v ? 'v' : ''}${M}.0.${p}${pre ? `-${pre}` : ''}${inc ? '+incompatible' : ''}`),
  );
});
