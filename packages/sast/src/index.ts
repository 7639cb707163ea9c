export * from './rule-types.js';
export * from './engine/index.js';
export * from './rules/index.js';
export * from './ruletest/index.js';
export type { TaintMatch, TaintPoint, FindTaint } from './taint/types.js';
export {
  walkFiles,
  parseShard,
  formatShard,
  inShard,
  shardOf,
  changedFiles,
  changedLines,
  onChangedLines,
  commitsSince,
  addedLinesByCommit,
  type WalkOptions,
  type WalkResult,
  type Shard,
} from './walk/index.js';
export * from './secrets/index.js';
export * from './scan/index.js';
export * from './adapters/index.js';
