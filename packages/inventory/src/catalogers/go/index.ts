import type { Cataloger } from '../../cataloger.js';

export const goCatalogers: readonly Cataloger[] = [];
