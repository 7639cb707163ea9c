export * from './rule-types.js';
export * from './engine/index.js';
export * from './rules/index.js';
export * from './ruletest/index.js';
export type { TaintMatch, TaintPoint, FindTaint } from './taint/types.js';
