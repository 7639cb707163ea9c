import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OsvAffected, OsvEvent, OsvRange } from '../osv/types.js';
import { evaluateAffected, evaluateRange, type VersionOrder } from './range.js';
import { semverOrder } from './semver-order.js';

/** Dotted integers: enough to test the OSV algorithm without depending on an ecosystem comparator. */
const dotted: VersionOrder = {
  isValid: (v) => /^\d+(\.\d+)*$/.test(v),
  compare: (a, b) => {
    const x = a.split('.').map(Number);
    const y = b.split('.').map(Number);
    for (let i = 0; i < Math.max(x.length, y.length); i++) {
      const d = (x[i] ?? 0) - (y[i] ?? 0);
      if (d !== 0) return d;
    }
    return 0;
  },
};

const ev = (spec: string): OsvEvent[] =>
  spec.split(' ').map((s) => {
    const [kind, version] = s.split('=') as [OsvEvent['kind'], string];
    return { kind, version };
  });
const range = (spec: string, type: OsvRange['type'] = 'ECOSYSTEM'): OsvRange => ({ type, events: ev(spec) });
const affectedAt = (v: string, spec: string): boolean => {
  const r = evaluateRange(v, range(spec), dotted);
  if ('unusable' in r) throw new Error(r.unusable);
  return r.affected;
};

describe('evaluateRange (OSV IncludedInRanges)', () => {
  it('[introduced, fixed) with introduced 0 as the beginning', () => {
    const spec = 'introduced=0 fixed=4.17.21';
    expect(affectedAt('0.0.1', spec)).toBe(true);
    expect(affectedAt('4.17.20', spec)).toBe(true);
    expect(affectedAt('4.17.21', spec)).toBe(false);
    expect(affectedAt('5.0', spec)).toBe(false);
  });

  it('[introduced, last_affected] includes the last affected version', () => {
    const spec = 'introduced=4.0.0 last_affected=4.4.0';
    expect(affectedAt('3.9', spec)).toBe(false);
    expect(affectedAt('4.0.0', spec)).toBe(true);
    expect(affectedAt('4.4.0', spec)).toBe(true);
    expect(affectedAt('4.4.1', spec)).toBe(false);
  });

  it('several windows in one range, events in any order', () => {
    const spec = 'fixed=3.2.5 introduced=3.0.0 fixed=1.0.2 introduced=1.0.0';
    expect(affectedAt('0.9', spec)).toBe(false);
    expect(affectedAt('1.0.1', spec)).toBe(true);
    expect(affectedAt('2.0', spec)).toBe(false);
    expect(affectedAt('3.1', spec)).toBe(true);
    expect(affectedAt('3.2.5', spec)).toBe(false);
    const r = evaluateRange('1.0.1', range(spec), dotted);
    expect(r).toEqual({ affected: true, fixed: '1.0.2' });
  });

  it('limit caps the range: only versions below some limit can be affected', () => {
    const spec = 'introduced=1.0 limit=2.0';
    expect(affectedAt('1.5', spec)).toBe(true);
    expect(affectedAt('2.0', spec)).toBe(false);
    expect(affectedAt('3.0', 'introduced=1.0 limit=2.0 limit=*')).toBe(true);
    expect(affectedAt('2.5', 'introduced=1.0 limit=2.0 limit=3.0')).toBe(true);
  });

  it('reports no fix when last_affected closes the window', () => {
    expect(evaluateRange('1.0', range('introduced=0 last_affected=1.5'), dotted)).toEqual({ affected: true });
    expect(evaluateRange('1.0', range('introduced=0'), dotted)).toEqual({ affected: true });
  });

  it('an unreadable version or event makes the range unusable, not a guess', () => {
    expect(evaluateRange('abc', range('introduced=0 fixed=1.0'), dotted)).toHaveProperty('unusable');
    expect(evaluateRange('1.0', range('introduced=0 fixed=1.x'), dotted)).toEqual({ unusable: 'fixed 1.x cannot be ordered as ECOSYSTEM' });
  });

  it('SEMVER ranges use SemVer precedence (prereleases before their release, v prefix read)', () => {
    const r = range('introduced=0 fixed=0.3.7', 'SEMVER');
    expect(evaluateRange('0.3.7-rc.1', r, semverOrder)).toEqual({ affected: true, fixed: '0.3.7' });
    expect(evaluateRange('v0.3.6', r, semverOrder)).toEqual({ affected: true, fixed: '0.3.7' });
    expect(evaluateRange('0.3.7', r, semverOrder)).toEqual({ affected: false });
    expect(evaluateRange('0.0.0-20210226172049-e18ecbb05110', r, semverOrder)).toEqual({ affected: true, fixed: '0.3.7' });
  });
});

describe('evaluateAffected (OSV IsVulnerable for one entry)', () => {
  const base: OsvAffected = { package: { ecosystem: 'PyPI', name: 'requests' }, severity: [], ranges: [], versions: [] };

  it('ORs the ranges and the versions list, and ignores GIT ranges', () => {
    const affected: OsvAffected = {
      ...base,
      ranges: [range('introduced=0 fixed=74ea7cf7a6a27a4eeb2ae24e162bcc942a6706d5', 'GIT'), range('introduced=2.3.0 fixed=2.31.0')],
      versions: ['1.0.0'],
    };
    const orders = { semver: semverOrder, ecosystem: dotted };
    expect(evaluateAffected('2.30.0', affected, orders)).toEqual({ affected: true, fixed: ['2.31.0'], unusable: [] });
    expect(evaluateAffected('1.0.0', affected, orders)).toEqual({ affected: true, fixed: [], unusable: [] });
    expect(evaluateAffected('2.31.0', affected, orders)).toEqual({ affected: false, fixed: [], unusable: [] });
  });

  it('without a comparator only the explicit versions list can match, and the range is reported', () => {
    const affected: OsvAffected = { ...base, ranges: [range('introduced=0 fixed=2.0')], versions: ['1.0'] };
    const verdict = evaluateAffected('1.0', affected, { semver: semverOrder, ecosystem: undefined });
    expect(verdict.affected).toBe(true);
    expect(verdict.unusable).toEqual(['ranges[0]: no version comparator for ecosystem PyPI']);
    expect(evaluateAffected('1.5', affected, { semver: semverOrder, ecosystem: undefined }).affected).toBe(false);
  });
});

describe('evaluateRange against brute force', () => {
  const ints: VersionOrder = { isValid: (v) => /^\d+$/.test(v), compare: (a, b) => Number(a) - Number(b) };

  it('non-overlapping [introduced, fixed) and [introduced, last_affected] windows, events shuffled', () => {
    const windows = fc
      .uniqueArray(fc.integer({ min: 1, max: 60 }), { minLength: 2, maxLength: 12 })
      .map((xs) => xs.sort((a, b) => a - b))
      .chain((xs) => fc.tuple(fc.constant(xs), fc.array(fc.boolean(), { minLength: xs.length, maxLength: xs.length }), fc.boolean()));
    fc.assert(
      fc.property(windows, fc.integer({ min: 0, max: 62 }), fc.integer(), ([bounds, lastAffected, fromZero], v, seed) => {
        const events: OsvEvent[] = [];
        const spans: { lo: number; hi: number; inclusive: boolean }[] = [];
        for (let i = 0; i + 1 < bounds.length; i += 2) {
          const lo = i === 0 && fromZero ? 0 : (bounds[i] as number);
          const hi = bounds[i + 1] as number;
          const inclusive = lastAffected[i] === true;
          events.push({ kind: 'introduced', version: String(lo) }, { kind: inclusive ? 'last_affected' : 'fixed', version: String(hi) });
          spans.push({ lo, hi, inclusive });
        }
        // The schema only recommends sorted events; the algorithm must not depend on it.
        const shuffled = [...events].sort((a, b) => ((a.version.length * 31 + seed) % 7) - ((b.version.length * 31 + seed) % 7));
        const inside = spans.find((s) => v >= s.lo && (s.inclusive ? v <= s.hi : v < s.hi));
        const verdict = evaluateRange(String(v), { type: 'ECOSYSTEM', events: shuffled }, ints);
        const expected = !inside ? { affected: false } : inside.inclusive ? { affected: true } : { affected: true, fixed: String(inside.hi) };
        expect(verdict).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });
});
