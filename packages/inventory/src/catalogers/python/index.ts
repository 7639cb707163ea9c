import type { Cataloger } from '../../cataloger.js';
import { pythonInstalledCataloger } from './installed.js';
import { pipfileLockCataloger } from './pipfile-lock.js';
import { poetryLockCataloger } from './poetry-lock.js';
import { pythonRequirementsCataloger } from './requirements.js';
import { uvLockCataloger } from './uv-lock.js';

export const pythonCatalogers: readonly Cataloger[] = [
  pythonRequirementsCataloger,
  poetryLockCataloger,
  pipfileLockCataloger,
  uvLockCataloger,
  pythonInstalledCataloger,
];
