import type { Cataloger } from '../../cataloger.js';
import { rpmdbSqliteCataloger } from './rpmdb.js';

export const rpmCatalogers: readonly Cataloger[] = [rpmdbSqliteCataloger];
