import { describe, expect, it } from 'vitest';
import type { Finding } from '../model/finding.js';
import { assignFingerprints } from '../model/fingerprint.js';
import { diffBaseline } from './baseline.js';
import { sourceFinding } from './test-builders.js';

function raw(f: Finding): Omit<Finding, 'fingerprint'> {
  const { fingerprint: _, ...rest } = f;
  return rest;
}

describe('diffBaseline', () => {
  const old = assignFingerprints([
    raw(sourceFinding({ path: 'a.ts', line: 10, snippet: 'eval(a)' })),
    raw(sourceFinding({ path: 'b.ts', line: 5, snippet: 'eval(b)' })),
  ]);

  it('matches findings that moved down the file (line shifts keep fingerprints)', () => {
    const now = assignFingerprints([
      raw(sourceFinding({ path: 'a.ts', line: 14, snippet: 'eval(a)' })),
      raw(sourceFinding({ path: 'b.ts', line: 5, snippet: 'eval(b)' })),
    ]);
    const diff = diffBaseline(now, old);
    expect(diff.new).toEqual([]);
    expect(diff.unchanged).toHaveLength(2);
    expect(diff.fixed).toEqual([]);
  });

  it('splits into new, unchanged and fixed', () => {
    const now = assignFingerprints([
      raw(sourceFinding({ path: 'a.ts', line: 10, snippet: 'eval(a)' })),
      raw(sourceFinding({ path: 'c.ts', line: 1, snippet: 'eval(c)' })),
    ]);
    const diff = diffBaseline(now, old);
    expect(diff.new.map((f) => f.location.type === 'source' && f.location.path)).toEqual(['c.ts']);
    expect(diff.unchanged.map((f) => f.location.type === 'source' && f.location.path)).toEqual(['a.ts']);
    expect(diff.fixed.map((f) => f.location.type === 'source' && f.location.path)).toEqual(['b.ts']);
  });

  it('never counts a suppressed finding as new', () => {
    const suppressed = { ...sourceFinding({ path: 'd.ts' }), suppression: { kind: 'inline' as const, reason: 'ok' } };
    const diff = diffBaseline([suppressed], old);
    expect(diff.new).toEqual([]);
    expect(diff.unchanged).toEqual([suppressed]);
  });

  it('treats everything as new against an empty baseline and everything as fixed with no findings', () => {
    expect(diffBaseline(old, []).new).toHaveLength(2);
    expect(diffBaseline([], old).fixed).toHaveLength(2);
  });

  it('lists a fixed fingerprint once even if the baseline repeats it', () => {
    const [first] = old;
    if (!first) throw new Error('fixture');
    expect(diffBaseline([], [first, first]).fixed).toHaveLength(1);
  });
});
