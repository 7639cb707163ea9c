import type { Cataloger } from '../../cataloger.js';
import { rpmdbBerkeleyCataloger, rpmdbSqliteCataloger } from './rpmdb.js';

export const rpmCatalogers: readonly Cataloger[] = [rpmdbSqliteCataloger, rpmdbBerkeleyCataloger];
