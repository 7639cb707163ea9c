import * as taint from '../taint/index.js';
import type { FindTaint } from '../taint/types.js';

/**
 * The taint analysis that `src/taint/` exports as `findTaint`, looked up when a scan needs it rather
 * than imported by name: the engine and the analysis are written side by side, and this keeps the
 * engine building and taint rules loading before (or without) it. Once `findTaint` is exported for
 * good, this can become a plain import.
 */
export function defaultFindTaint(): FindTaint | undefined {
  const candidate: unknown = (taint as Record<string, unknown>)['findTaint'];
  return typeof candidate === 'function' ? (candidate as FindTaint) : undefined;
}
