import type { Cataloger } from '../../cataloger.js';

export const javascriptCatalogers: readonly Cataloger[] = [];
