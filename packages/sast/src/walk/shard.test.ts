import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserError } from '@rampart/core';
import { formatShard, inShard, MAX_SHARDS, parseShard, shardOf } from './shard.js';

describe('parseShard', () => {
  it('reads the 1-based CLI spelling into a 0-based index', () => {
    expect(parseShard('2/4')).toEqual({ index: 1, count: 4 });
    expect(parseShard('1/1')).toEqual({ index: 0, count: 1 });
    expect(parseShard(' 3 / 3 ')).toEqual({ index: 2, count: 3 });
  });

  it.each(['0/4', '5/4', '2', '2/', '/4', '-1/4', '1/0', '1.5/4', 'a/b', '', `1/${MAX_SHARDS + 1}`, '2/4/6'])(
    'rejects %j naming --shard and what was expected',
    (spec) => {
      let thrown: unknown;
      try {
        parseShard(spec);
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toBeInstanceOf(UserError);
      expect(thrown).toMatchObject({ field: '--shard', expected: expect.stringContaining('i/n') });
    },
  );

  it('fuzz: any string either parses to a shard that round-trips or is a UserError', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.tuple(fc.integer(), fc.integer()).map(([i, n]) => `${i}/${n}`)), (spec) => {
        try {
          const shard = parseShard(spec);
          expect(shard.index).toBeGreaterThanOrEqual(0);
          expect(shard.index).toBeLessThan(shard.count);
          expect(parseShard(formatShard(shard))).toEqual(shard);
        } catch (err) {
          expect(err).toBeInstanceOf(UserError);
        }
      }),
    );
  });
});

describe('inShard', () => {
  const pathArb = fc.array(fc.stringMatching(/^[\w.\- ]{1,12}$/), { minLength: 1, maxLength: 4 }).map((s) => s.join('/'));

  it('puts every file in exactly one shard, and the shards together are the whole set', () => {
    fc.assert(
      fc.property(fc.uniqueArray(pathArb, { maxLength: 60 }), fc.integer({ min: 1, max: 16 }), (files, count) => {
        const shards = Array.from({ length: count }, (_, index) => files.filter((f) => inShard(f, { index, count })));
        for (const f of files) expect(shards.filter((s) => s.includes(f))).toHaveLength(1);
        expect(shards.flat().sort()).toEqual([...files].sort());
      }),
    );
  });

  it('depends only on the path: not on the other files or their order', () => {
    fc.assert(
      fc.property(pathArb, fc.array(pathArb), fc.integer({ min: 1, max: 16 }), (file, others, count) => {
        const alone = shardOf(file, count);
        const listed = [...others, file].reverse().map((f) => ({ f, s: shardOf(f, count) }));
        expect(listed.find((x) => x.f === file)?.s).toBe(alone);
      }),
    );
  });

  it('is pinned: the same assignment on every machine and in every release', () => {
    // sha256("src/app.ts") starts 0x841254fe; changing the hash would move files between CI jobs mid-rollout.
    expect([2, 3, 4, 7, 10].map((n) => shardOf('src/app.ts', n))).toEqual([0x841254fe % 2, 0x841254fe % 3, 2, 2, 8]);
    expect(0x841254fe % 3).toBe(2);
  });

  it('spells paths one way: backslashes, ./ and Unicode normalisation do not move a file', () => {
    const nfc = 'src/caf\u00e9.ts';
    const nfd = 'src/cafe\u0301.ts';
    for (const n of [2, 3, 5, 8, 13]) {
      expect(shardOf(nfd, n)).toBe(shardOf(nfc, n));
      expect(shardOf('src\\caf\u00e9.ts', n)).toBe(shardOf(nfc, n));
      expect(shardOf('./src/caf\u00e9.ts', n)).toBe(shardOf(nfc, n));
    }
  });
});
