import { describe, expect, it } from 'vitest';
import { canonicalId, evaluateExpression } from './evaluate.js';

const deny = (expression: string, ...ids: string[]) => evaluateExpression(expression, { allow: [], deny: ids });
const allow = (expression: string, ...ids: string[]) => evaluateExpression(expression, { allow: ids, deny: [] });

describe('evaluateExpression', () => {
  it('denies a denied id, alone or in AND', () => {
    expect(deny('GPL-3.0-only', 'GPL-3.0-only')).toEqual({ verdict: 'denied', offending: ['GPL-3.0-only'] });
    expect(deny('MIT AND GPL-3.0-only', 'GPL-3.0-only')).toEqual({ verdict: 'denied', offending: ['GPL-3.0-only'] });
    expect(deny('MIT', 'GPL-3.0-only')).toEqual({ verdict: 'ok', offending: [] });
  });

  it('passes an OR when one alternative is acceptable, and names every id when none is', () => {
    expect(deny('MIT OR GPL-3.0-only', 'GPL-3.0-only')?.verdict).toBe('ok');
    expect(deny('GPL-3.0-only OR AGPL-3.0-only', 'GPL-3.0-only', 'AGPL-3.0-only')).toEqual({
      verdict: 'denied', offending: ['GPL-3.0-only', 'AGPL-3.0-only'],
    });
    // The better of the two bad choices decides: a not-allowed license can be reviewed, a denied one cannot.
    expect(evaluateExpression('GPL-3.0-only OR BSD-3-Clause', { allow: ['MIT'], deny: ['GPL-3.0-only'] })).toEqual({
      verdict: 'not-allowed', offending: ['BSD-3-Clause'],
    });
  });

  it('needs both sides of an AND inside an OR', () => {
    expect(deny('(MIT AND GPL-2.0-only) OR (Apache-2.0 AND GPL-2.0-only)', 'GPL-2.0-only')?.verdict).toBe('denied');
    expect(deny('(MIT AND GPL-2.0-only) OR Apache-2.0', 'GPL-2.0-only')?.verdict).toBe('ok');
  });

  it('checks the allow list when there is one', () => {
    expect(allow('MIT', 'MIT', 'ISC')?.verdict).toBe('ok');
    expect(allow('BSD-3-Clause', 'MIT')).toEqual({ verdict: 'not-allowed', offending: ['BSD-3-Clause'] });
    expect(allow('MIT AND BSD-3-Clause', 'MIT')?.verdict).toBe('not-allowed');
    expect(allow('MIT OR BSD-3-Clause', 'MIT')?.verdict).toBe('ok');
  });

  it('lets deny win over allow for the same id', () => {
    expect(evaluateExpression('MIT', { allow: ['MIT'], deny: ['MIT'] })?.verdict).toBe('denied');
  });

  it('matches ids case-insensitively and the GNU deprecated ids to their current names', () => {
    expect(deny('GPL-3.0-only', 'gpl-3.0-only')?.verdict).toBe('denied');
    expect(deny('GPL-2.0', 'GPL-2.0-only')?.verdict).toBe('denied');
    expect(deny('GPL-2.0+', 'GPL-2.0-or-later')?.verdict).toBe('denied');
    expect(deny('GPL-2.0-or-later', 'GPL-2.0-only')?.verdict).toBe('ok');
    expect(canonicalId('LGPL-2.1+')).toBe('lgpl-2.1-or-later');
  });

  it('judges a license with an exception by its license', () => {
    expect(deny('GPL-2.0-only WITH Classpath-exception-2.0', 'GPL-2.0-only')?.verdict).toBe('denied');
    expect(allow('GPL-2.0-only WITH Classpath-exception-2.0', 'GPL-2.0-only')?.verdict).toBe('ok');
  });

  it('matches LicenseRef ids', () => {
    expect(deny('LicenseRef-acme-proprietary OR MIT', 'LicenseRef-acme-proprietary')?.verdict).toBe('ok');
    expect(deny('LicenseRef-acme-proprietary', 'LicenseRef-acme-proprietary')?.verdict).toBe('denied');
  });

  it('is undefined for text that is not an SPDX expression', () => {
    expect(deny('SEE LICENSE IN LICENSE.md', 'MIT')).toBeUndefined();
  });
});
