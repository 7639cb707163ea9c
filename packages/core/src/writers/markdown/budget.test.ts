import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, demand, fitSection, type ListSection } from './budget.js';

const section = (items: string[], maxItems?: number): ListSection<string> => ({
  head: ['', '### Items', ''],
  items,
  render: (s) => `- ${s}`,
  cut: (rest) => `- … and ${rest.length} more`,
  tail: ['', 'end'],
  ...(maxItems !== undefined ? { maxItems } : {}),
});
const size = (lines: string[]): number => lines.reduce((n, l) => n + l.length + 1, 0);

describe('fitSection', () => {
  it('keeps every item when they fit, and nothing for an empty list', () => {
    const s = section(['a', 'b', 'c']);
    expect(fitSection(s, demand(s, 1000))).toEqual(['', '### Items', '', '- a', '- b', '- c', '', 'end']);
    expect(fitSection(section([]), 1000)).toEqual([]);
    expect(demand(section([]), 1000)).toBe(0);
  });

  it('cuts in order and counts exactly what it cut', () => {
    const lines = fitSection(section(['aaaa', 'bbbb', 'cccc', 'dddd']), 40);
    expect(lines).toEqual(['', '### Items', '', '- aaaa', '- … and 3 more', '', 'end']);
  });

  it('caps collapsed lists at maxItems and says so', () => {
    expect(fitSection(section(['a', 'b', 'c'], 2), 1000)).toEqual(['', '### Items', '', '- a', '- b', '- … and 1 more', '', 'end']);
  });

  it('never exceeds a budget that leaves room for head, tail and cut line', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 60 }), { maxLength: 60 }), fc.integer({ min: 0, max: 3000 }), (items, extra) => {
        const s = section(items);
        const floor = size(['', '### Items', '', `- … and ${items.length} more`, '', 'end']);
        const lines = fitSection(s, floor + extra);
        expect(size(lines)).toBeLessThanOrEqual(floor + extra);
        const shown = lines.filter((l) => l.startsWith('- ') && !l.startsWith('- …')).length;
        const cut = Number(/and (\d+) more/.exec(lines.join('\n'))?.[1] ?? 0);
        expect(shown + cut).toBe(items.length);
      }),
    );
  });
});

describe('allocate', () => {
  it('gives modest sections what they need and the rest to the first that wants more', () => {
    expect(allocate(1000, [5000, 10, 5000], [0.5, 0.25, 0.25])).toEqual([740, 10, 250]);
  });

  it('never hands out more than is available', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 5, maxLength: 5 }), (avail, demands) => {
        const a = allocate(avail, demands, [0.5, 0.08, 0.14, 0.14, 0.14]);
        expect(a.reduce((x, y) => x + y, 0)).toBeLessThanOrEqual(avail);
        a.forEach((v, i) => expect(v).toBeLessThanOrEqual(demands[i] ?? 0));
      }),
    );
  });
});
