import type { ActiveCheck } from '../types.js';

/** Every active check (full mode only); `contract.test.ts` fails when a check file's export is missing here. */
export const ACTIVE_CHECKS: readonly ActiveCheck[] = [];
