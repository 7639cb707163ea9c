import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mavenComparator as c } from './maven.js';
import { itIsATotalOrder, itOrders } from './total-order.testkit.js';

describe('Maven (ComparableVersion)', () => {
  // The examples of https://maven.apache.org/pom.html#version-order-specification and of ComparableVersion's
  // Javadoc, then the shapes real Maven Central artifacts use.
  itOrders(c, [
    ['1', '1.1'],
    ['1-snapshot', '1', '1-sp'],
    ['1-foo2', '1-foo10'],
    [['1.foo', '1-foo'], '1-1', '1.1'],
    [['1.ga', '1-ga', '1-0', '1.0', '1', '1.0.0', '1.final', '1-RELEASE', '1.'], '1-sp'],
    ['1-ga.1', '1-sp.1'],
    // The spec page still shows `1-sp-1 < 1-ga-1 = 1-1`; since Maven 3.9 `X-1` is the combined item `X1`.
    ['1-ga-1', '1-sp-1', '1-1'],
    [['1-a1', '1-alpha-1', '1-ALPHA1']],
    // The three shapes where ComparableVersion contradicts itself, ordered as maven.ts explains.
    ['1-snapshot', '1', '1.sp.1', '1.1'],
    [['1-0-snapshot', '1-snapshot'], '1'],
    [['1-ga', '1'], '1-ga1', '1-sp'],
    ['1.0.RC2', '1.0-RC3', '1.0.1'],
    ['1.0-alpha1', '1.0-beta1', '1.0-milestone1', ['1.0-rc1', '1.0-cr1', '1.0.0.RC1'], '1.0-SNAPSHOT', ['1.0', '1.0-ga', '1.0.Final'], '1.0-sp1', '1.0-xyz', '1.0.1'],
    ['2.14.0-rc1', '2.14.0-rc2', '2.14.0', '2.14.1', '2.15.0'],
    ['9.4.51.v20230217', '9.4.52.v20230823', '10.0.0'],
    ['31.1-android', '31.1-jre', '32.0.0-jre'],
    [['5.3.18.RELEASE', '5.3.18'], '5.3.19'],
    ['2.0.0-M1', '2.0.0-M2', '2.0.0-RC1', '2.0.0'],
    ['2.12.7', '2.12.7.1', '2.13.0'],
    // Guava's early releases: a qualifier with a number, below any numeric version.
    ['r03', 'r09', '10.0'],
    ['1.0-alpha-2', '1.0-alpha-10', '1.0-beta'],
  ]);

  it('accepts any printable version and refuses blanks', () => {
    expect(c.isValid('1.0.0-SNAPSHOT')).toBe(true);
    for (const v of ['', '1.0 beta', '1.0\n', '1.\u00e9', '-1', '.1']) expect(c.isValid(v), v).toBe(false);
  });

  itIsATotalOrder(
    c,
    fc
      .tuple(
        fc.constantFrom('0', '1', '2', '10', 'r03', 'rc', 'x'),
        fc.array(fc.tuple(fc.constantFrom('.', '-', '', '_'), fc.constantFrom('0', '00', '1', '2', '10', 'a', 'rc', 'sp', 'ga', 'snapshot', 'foo', 'm', 'final', 'x', 'v2023')), { maxLength: 6 }),
      )
      .map(([first, parts]) => first + parts.map(([sep, tok]) => sep + tok).join('')),
  );
});
