import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rpmComparator as c, rpmvercmp } from './rpm.js';
import { itIsATotalOrder, itOrders } from './total-order.testkit.js';

describe('RPM (rpmvercmp)', () => {
  // Cases of rpm's dependencies.md and Fedora's versioning guidelines: tilde before the release, caret after it
  // but before the next version, numbers above letters, separators only separate, the epoch outweighs all.
  itOrders(c, [
    ['1.0~rc1', '1.0~rc2', '1.0', '1.0^git1', '1.0^git2', '1.0.1'],
    ['1.0~~', '1.0~', '1.0~^', '1.0'],
    [['1.0', '1_0', '1..0', '1.0.'], '1.0a', '1.0.0', '1.1'],
    ['1.a', '1.1'],
    ['2.0-1.el8', '2.0-1.el8_6', '2.0-2.el8', '2.0-10.el8', '2.1-1.el8'],
    [['1.0-1', '0:1.0-1'], '1:0.1-1', '2:0.0.1'],
    [['1.01', '1.1'], '1.2', '1.10'],
    // Checked with rpm 4.18's rpm.vercmp: no release is below any release, even one with a tilde.
    ['1.0', '1.0-~', '1.0-0', '1.0-1'],
    ['1.1.1k-12.el8_9', '1.1.1k-14.el8_10', '3.0.7-27.el9', '1:3.0.7-28.el9'],
    ['2.28-225.el8', '2.28-225.el8_8.6', '2.28-236.el8.7', '2.28-236.el8_9.12'],
    ['5.0-150000.5.3.1', '5.0-150400.1.2', '5.0-150400.20.1'],
  ]);

  it('compares letter runs in ASCII order and numbers without overflow', () => {
    expect(rpmvercmp('1.0a', '1.0B')).toBeGreaterThan(0);
    expect(rpmvercmp('20240101000000000000001', '20240101000000000000000')).toBeGreaterThan(0);
  });

  it('rejects what rpm refuses', () => {
    for (const v of ['', '1.0-1-1', 'a:1.0', ':1.0', '1:', '1.0-', '1.0 1', '1:2:3', '-1']) expect(c.isValid(v), v).toBe(false);
  });

  itIsATotalOrder(
    c,
    fc
      .tuple(
        fc.constantFrom('', '0:', '1:'),
        fc.stringMatching(/^[0-9a-zA-Z._~^+]{1,7}$/),
        fc.option(fc.stringMatching(/^[0-9a-z._~^]{1,6}$/)),
      )
      .map(([e, v, r]) => `${e}${v}${r === null ? '' : `-${r}`}`),
  );
});
