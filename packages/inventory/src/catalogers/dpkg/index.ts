import type { Cataloger } from '../../cataloger.js';
import { dpkgStatusCataloger } from './status.js';

export const dpkgCatalogers: readonly Cataloger[] = [dpkgStatusCataloger];
