import type { Cataloger } from '../../cataloger.js';
import { apkInstalledCataloger } from './installed.js';

export const apkCatalogers: readonly Cataloger[] = [apkInstalledCataloger];
