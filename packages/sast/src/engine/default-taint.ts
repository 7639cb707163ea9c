import { findTaint } from '../taint/index.js';
import type { FindTaint } from '../taint/types.js';

/** The taint analysis `mode: taint` rules use unless a scan passes its own (tests pass fakes). */
export function defaultFindTaint(): FindTaint {
  return findTaint;
}
