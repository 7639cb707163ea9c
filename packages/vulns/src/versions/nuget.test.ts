import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nugetComparator as c } from './nuget.js';
import { itIsATotalOrder, itOrders } from './total-order.testkit.js';

describe('NuGet', () => {
  // The prerelease examples of "Package versioning" on learn.microsoft.com, its normalisation rules (missing parts
  // are 0, a fourth part counts, metadata does not) and case-insensitive labels.
  itOrders(c, [
    ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-beta', '1.0.0-rc.1', '1.0.0'],
    [['1.0.0-Beta', '1.0.0-beta', '1.0.0-BETA+build']],
    ['1.0.0-2', '1.0.0-10', '1.0.0-a'],
    [['1', '1.0', '1.0.0', '1.0.0.0', '1.0.0+abc'], '1.0.0.1', '1.0.1', '1.1'],
    ['4.3.0', '4.3.0.1', '4.3.1', '13.0.1', '13.0.3'],
    [['1.01.0', '1.1.0'], '1.2'],
    ['6.0.0-preview.7.21377.19', '6.0.0-rc.1.21451.13', '6.0.0'],
  ]);

  it('rejects what NuGet cannot parse', () => {
    for (const v of ['', '1.0.0.0.0', '1.0.0-', '1.0.0-a..b', '1.0.0-a_b', 'a.b', '1.0 ', '[1.0,2.0)', 'v1.0.0']) expect(c.isValid(v), v).toBe(false);
  });

  itIsATotalOrder(
    c,
    fc
      .tuple(
        fc.array(fc.constantFrom('0', '1', '2', '10', '01'), { minLength: 1, maxLength: 4 }),
        fc.option(fc.array(fc.constantFrom('alpha', 'Alpha', 'beta', '1', '2', '10', 'rc', 'RC', 'x-y'), { minLength: 1, maxLength: 3 })),
        fc.option(fc.constantFrom('meta', 'sha.1')),
      )
      .map(([nums, labels, meta]) => `${nums.join('.')}${labels ? `-${labels.join('.')}` : ''}${meta ? `+${meta}` : ''}`),
  );
});
