import type { Cataloger } from '../../cataloger.js';

export const rustCatalogers: readonly Cataloger[] = [];
