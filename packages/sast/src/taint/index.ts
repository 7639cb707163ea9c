export type { TaintMatch, TaintPoint, FindTaint } from './types.js';
