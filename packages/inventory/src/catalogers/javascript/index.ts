import type { Cataloger } from '../../cataloger.js';
import { npmLockCataloger } from './npm-lock/index.js';

export const javascriptCatalogers: readonly Cataloger[] = [npmLockCataloger];
