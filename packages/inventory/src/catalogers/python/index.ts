import type { Cataloger } from '../../cataloger.js';

export const pythonCatalogers: readonly Cataloger[] = [];
