import type { Cataloger } from '../../cataloger.js';

export const rubyCatalogers: readonly Cataloger[] = [];
