import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeComposer } from './composer-normalize.js';
import { packagistComparator as c } from './packagist.js';
import { itIsATotalOrder, itOrders } from './total-order.testkit.js';

describe('Packagist (Composer)', () => {
  it('normalises as VersionParser::normalize', () => {
    const cases: [string, string][] = [
      ['1.0.0', '1.0.0.0'],
      ['v1.2', '1.2.0.0'],
      ['1.0.0-beta.2', '1.0.0.0-beta2'],
      ['1.0.0b2', '1.0.0.0-beta2'],
      ['1.0.0-rc1', '1.0.0.0-RC1'],
      ['1.0.0-pl3', '1.0.0.0-patch3'],
      ['1.0.0-RC1-dev', '1.0.0.0-RC1-dev'],
      ['1.0-dev', '1.0.0.0-dev'],
      ['1.0.0-stable', '1.0.0.0'],
      ['1.0.0+build.5', '1.0.0.0'],
      ['20100102-203040', '20100102.203040'],
      ['2010-01-02', '2010.01.02'],
      ['1.x-dev', '1.9999999.9999999.9999999-dev'],
    ];
    for (const [input, normal] of cases) expect(normalizeComposer(input), input).toBe(normal);
  });

  // Stability order of https://getcomposer.org/doc/articles/versions.md#stabilities (dev < alpha < beta < RC <
  // stable, patch releases above), then the spellings that normalise to one version.
  itOrders(c, [
    ['1.0.0-dev', '1.0.0-alpha1', '1.0.0-alpha2', '1.0.0-beta1', '1.0.0-RC1-dev', '1.0.0-RC1', '1.0.0-RC2', '1.0.0', '1.0.0-patch1', '1.0.1'],
    [['1.0.0', 'v1.0.0', '1.0', '1.0.0.0', '1.0.0+abc', 'V1.0.0'], '1.0.0.1', '1.1'],
    [['1.0.0-beta.2', '1.0.0-b2', '1.0.0beta2', '1.0.0-BETA2']],
    ['4.4.9', '4.4.10', '5.0.0-BETA1', '5.0.0', '5.4.31', '6.4.0'],
    ['1.99.99', '1.x-dev', '2.0.0'],
    ['2010.01.02', '2010.01.03', '20100102.1'],
  ]);

  it('refuses branches and what Composer cannot parse', () => {
    for (const v of ['', 'dev-main', 'dev-master', 'master', '1.0.0.0.0', '1.0.0-foo', 'x', '1.0 ', '^1.0', '1.0.0-alpha.beta']) expect(c.isValid(v), v).toBe(false);
  });

  itIsATotalOrder(
    c,
    fc
      .tuple(
        fc.constantFrom('', 'v'),
        fc.array(fc.constantFrom('0', '1', '2', '10'), { minLength: 1, maxLength: 4 }),
        fc.constantFrom('', '-alpha', '-a', '-beta.', '-b', '-RC', '-rc', '-patch', '-pl', '-p', '-stable', 'beta'),
        fc.constantFrom('', '1', '2', '1.2'),
        fc.constantFrom('', '-dev', '.dev'),
      )
      .map(([v, nums, stab, n, dev]) => `${v}${nums.join('.')}${stab}${stab ? n : ''}${dev}`),
  );
});
