import type { Cataloger } from '../../cataloger.js';

export const dotnetCatalogers: readonly Cataloger[] = [];
