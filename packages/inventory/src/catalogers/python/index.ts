import type { Cataloger } from '../../cataloger.js';
import { pythonRequirementsCataloger } from './requirements.js';

export const pythonCatalogers: readonly Cataloger[] = [pythonRequirementsCataloger];
