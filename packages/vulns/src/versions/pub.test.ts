import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pubComparator as c } from './pub.js';
import { itIsATotalOrder, itOrders } from './total-order.testkit.js';

describe('Pub (pub_semver)', () => {
  // SemVer precedence (https://semver.org/#spec-item-11), then pub_semver's documented difference: builds count
  // and sort after the bare version.
  itOrders(c, [
    ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0'],
    ['1.0.0', '1.0.0+1', '1.0.0+2', '1.0.0+10', '1.0.0+a', '1.0.1'],
    ['1.0.0-dev.1', '1.0.0-dev.1+1', '1.0.0-dev.2', '1.0.0'],
    [['1.01.0', '1.1.0'], '1.2.0', '1.10.0'],
    ['2.19.6', '3.0.0-0.0.dev', '3.0.0'],
  ]);

  it('rejects what pub_semver cannot parse', () => {
    for (const v of ['', '1.0', 'v1.0.0', '1.0.0-', '1.0.0+', '1.0.0-a..b', 'any', '^1.0.0']) expect(c.isValid(v), v).toBe(false);
  });

  itIsATotalOrder(
    c,
    fc
      .tuple(
        fc.array(fc.constantFrom('0', '1', '2', '10'), { minLength: 3, maxLength: 3 }),
        fc.option(fc.array(fc.constantFrom('alpha', 'beta', '0', '1', '11', 'dev'), { minLength: 1, maxLength: 3 })),
        fc.option(fc.array(fc.constantFrom('1', '2', 'a', 'x-y'), { minLength: 1, maxLength: 2 })),
      )
      .map(([rel, pre, build]) => `${rel.join('.')}${pre ? `-${pre.join('.')}` : ''}${build ? `+${build.join('.')}` : ''}`),
  );
});
