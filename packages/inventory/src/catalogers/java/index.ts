import type { Cataloger } from '../../cataloger.js';
import { gradleLockfileCataloger } from './gradle-lockfile.js';
import { javaArchiveCataloger } from './jar.js';
import { pomCataloger } from './pom.js';

export const javaCatalogers: readonly Cataloger[] = [pomCataloger, gradleLockfileCataloger, javaArchiveCataloger];
