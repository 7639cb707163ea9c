import type { Cataloger } from '../../cataloger.js';
import { packagesLockCataloger } from './packages-lock.js';

export const dotnetCatalogers: readonly Cataloger[] = [packagesLockCataloger];
