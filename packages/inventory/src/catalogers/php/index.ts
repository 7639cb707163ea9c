import type { Cataloger } from '../../cataloger.js';

export const phpCatalogers: readonly Cataloger[] = [];
