import type { Cataloger } from '../cataloger.js';

/**
 * Every cataloger, in one list. Each ecosystem folder exports its own list and is added here;
 * `contract.test.ts` fails when a folder's cataloger is missing from this registry.
 */
export const CATALOGERS: readonly Cataloger[] = [];

export function catalogerById(id: string): Cataloger | undefined {
  return CATALOGERS.find((c) => c.id === id);
}
