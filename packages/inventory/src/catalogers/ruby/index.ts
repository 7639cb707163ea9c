import type { Cataloger } from '../../cataloger.js';
import { gemfileLockCataloger } from './gemfile-lock.js';

export const rubyCatalogers: readonly Cataloger[] = [gemfileLockCataloger];
