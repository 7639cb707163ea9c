import type { Cataloger } from '../../cataloger.js';
import { goModCataloger } from './go-mod.js';
import { goSumCataloger } from './go-sum.js';

export const goCatalogers: readonly Cataloger[] = [goModCataloger, goSumCataloger];
