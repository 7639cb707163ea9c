import type { Cataloger } from '../../cataloger.js';
import { composerLockCataloger } from './composer-lock.js';

export const phpCatalogers: readonly Cataloger[] = [composerLockCataloger];
