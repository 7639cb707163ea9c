import type { Cataloger } from '../../cataloger.js';
import { cargoLockCataloger } from './cargo-lock.js';

export const rustCatalogers: readonly Cataloger[] = [cargoLockCataloger];
