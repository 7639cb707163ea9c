import type { Cataloger } from '../../cataloger.js';

export const javaCatalogers: readonly Cataloger[] = [];
