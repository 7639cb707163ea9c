import { createHash } from 'node:crypto';
import { UserError } from '@rampart/core';

/** `index` is 0-based; the CLI spelling `i/n` is 1-based. */
export interface Shard {
  index: number;
  count: number;
}

/** More parallel jobs than this is a typo, not a CI matrix. */
export const MAX_SHARDS = 10_000;

const SHARD_SPEC = /^\s*(\d{1,9})\s*\/\s*(\d{1,9})\s*$/;

/** Parses the `--shard i/n` flag: the i-th of n shards, 1 <= i <= n. */
export function parseShard(spec: string): Shard {
  const match = SHARD_SPEC.exec(spec);
  const index = match?.[1] === undefined ? NaN : Number(match[1]);
  const count = match?.[2] === undefined ? NaN : Number(match[2]);
  if (!(count >= 1 && count <= MAX_SHARDS && index >= 1 && index <= count)) {
    throw new UserError(`shard "${spec}" is not valid`, {
      field: '--shard',
      expected: `i/n with 1 <= i <= n <= ${MAX_SHARDS}, e.g. 2/4 for the second of four jobs`,
    });
  }
  return { index: index - 1, count };
}

/** The CLI spelling of a shard, for messages and report names. */
export function formatShard(shard: Shard): string {
  return `${shard.index + 1}/${shard.count}`;
}

/** The same spelling of a path on every machine: forward slashes, no `./`, Unicode NFC (macOS hands out NFD). */
export function normalizeShardPath(relPath: string): string {
  return relPath.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '').normalize('NFC');
}

/**
 * Which shard a file belongs to, from a hash of its relative path alone: the answer does not change with the
 * machine, the file system's listing order or which other files exist, so n parallel jobs split the same tree into
 * n disjoint parts that together are the whole.
 */
export function shardOf(relPath: string, count: number): number {
  const digest = createHash('sha256').update(normalizeShardPath(relPath), 'utf8').digest();
  return digest.readUInt32BE(0) % count;
}

export function inShard(relPath: string, shard: Shard): boolean {
  return shardOf(relPath, shard.count) === shard.index;
}
