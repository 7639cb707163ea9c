import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dpkgComparator as c } from './dpkg.js';
import { itIsATotalOrder, itOrders } from './total-order.testkit.js';

describe('Debian and Ubuntu (dpkg)', () => {
  // Debian Policy 5.6.12: `~` sorts before anything, even the end (`~~ < ~~a < ~ < (end) < a`); letters before
  // non-letters; digit runs numerically; the epoch outweighs everything; a missing revision is an empty one.
  itOrders(c, [
    ['1.0~~', '1.0~~a', '1.0~', '1.0', '1.0a', '1.0+', '1.0.1'],
    ['1.0~rc1-1', '1.0-1', '1.0-1ubuntu0.1', '1.0-1ubuntu1', '1.0-1+deb12u1', '1.0-2', '1.0-10'],
    ['9.9-9', '1:0.1-1', '1:1.0-1', '2:0.0.1'],
    [['1.0', '0:1.0'], '1.0-0.1'],
    [['1.0', '1.0-0', '1.0-00', '0:1.0-0'], '1.0-1'],
    [['1.01', '1.1'], '1.2', '1.10'],
    ['2.36-9+deb12u3', '2.36-9+deb12u4', '2.37-1'],
    ['1.1.1n-0+deb11u4', '1.1.1n-0+deb11u5', '1.1.1w-0+deb11u1', '3.0.11-1~deb12u2', '3.0.11-1'],
    ['7.88.1-10+deb12u5', '7.88.1-10+deb12u12'],
    ['1:2.38.1-5+deb12u1', '1:2.38.1-5+deb12u2', '1:9.0'],
    ['20230311', '20240203ubuntu1', '20240203ubuntu1.1'],
  ]);

  it('treats the last hyphen as the start of the revision', () => {
    expect(c.compare('1.0-beta-1', '1.0-beta-2')).toBeLessThan(0);
    expect(c.compare('1.0-rc-1', '1.0-1')).toBeGreaterThan(0);
  });

  it('rejects what dpkg and policy refuse', () => {
    for (const v of ['', 'a1.0', ':1.0', 'x:1.0', '1.0-', '1.0-a_b', '1.0 1', '-1', '1:', '1.0:1', '1.0_1']) expect(c.isValid(v), v).toBe(false);
  });

  itIsATotalOrder(
    c,
    fc
      .tuple(
        fc.constantFrom('', '1:', '0:', '2:'),
        fc.stringMatching(/^[0-9][0-9a-z.+~]{0,6}$/),
        fc.option(fc.stringMatching(/^[0-9a-z.+~]{1,6}$/)),
      )
      .map(([e, up, rev]) => `${e}${up}${rev === null ? '' : `-${rev}`}`),
  );
});
