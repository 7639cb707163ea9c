import type { Cataloger } from '../../cataloger.js';
import { nodeModulesCataloger } from './node-modules/index.js';
import { npmLockCataloger } from './npm-lock/index.js';
import { pnpmLockCataloger } from './pnpm-lock/index.js';
import { yarnLockCataloger } from './yarn-lock/index.js';

export const javascriptCatalogers: readonly Cataloger[] = [npmLockCataloger, pnpmLockCataloger, yarnLockCataloger, nodeModulesCataloger];
