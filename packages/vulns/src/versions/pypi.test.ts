import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pypiComparator as c } from './pypi.js';
import { itIsATotalOrder, itOrders } from './total-order.testkit.js';

describe('PyPI (PEP 440)', () => {
  // The ordering example of the "Summary of permitted suffixes and relative ordering" section of the spec, then its
  // normalisation rules (case, separators, alternate spellings, implicit numbers) and epochs.
  itOrders(c, [
    ['1.dev0', '1.0.dev456', '1.0a1', '1.0a2.dev456', '1.0a12.dev456', '1.0a12', '1.0b1.dev456', '1.0b2', '1.0b2.post345.dev456', '1.0b2.post345', '1.0rc1.dev456', '1.0rc1', '1.0', '1.0+abc.5', '1.0+abc.7', '1.0+5', '1.0.post456.dev34', '1.0.post456', '1.0.15', '1.1.dev1'],
    [['1.0.0a1', '1.0.0-alpha1'], ['1.0.0b2', '1.0.0.beta.2'], ['1.0rc1', '1.0c1'], ['1.0rc2', '1.0-preview2'], ['1.0', '1.0.0']],
    [['1.0.post1', '1.0-1'], ['1.0.post2', '1.0.rev2'], ['1.1', 'v1.1'], ['1.2a0', '1.2a'], ['2.0', '2.0.0.0']],
    ['2013.10', '2014.04', '1!1.0', '1!1.1'],
    [['1.0+ubuntu-1', '1.0+ubuntu.1'], '1.0+ubuntu.2'],
  ]);

  it('rejects legacy versions', () => {
    for (const v of ['1.0-beta-final', 'foo', '1.0+', '1..0', '', '1.0.0-SNAPSHOT']) expect(c.isValid(v), v).toBe(false);
  });

  itIsATotalOrder(
    c,
    fc
      .tuple(
        fc.constantFrom('', '1!'),
        fc.array(fc.nat(3), { minLength: 1, maxLength: 3 }),
        fc.constantFrom('', 'a1', 'b0', 'rc2', '-alpha1', 'c1'),
        fc.constantFrom('', '.post1', '-2', '.post'),
        fc.constantFrom('', '.dev0', '.dev3'),
        fc.constantFrom('', '+local.1', '+2', '+abc'),
      )
      .map(([e, rel, pre, post, dev, local]) => `${e}${rel.join('.')}${pre}${post}${dev}${local}`),
  );
});
