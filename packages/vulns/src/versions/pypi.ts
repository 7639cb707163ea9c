import { compare, valid } from '@renovatebot/pep440';
import type { VersionComparator } from './types.js';

/**
 * PEP 440 (https://packaging.python.org/en/latest/specifications/version-specifiers/): epochs, dev < pre
 * (a < b < rc) < final < post releases, local versions above their public version, and the normalisation rules
 * (`1.0.0-alpha1` is `1.0.0a1`, `1.0` is `1.0.0`), all implemented by @renovatebot/pep440. Legacy non-PEP 440
 * versions are refused: pip has not installed them since 22.x and their order is not defined.
 */
export const pypiComparator: VersionComparator = {
  ecosystems: ['PyPI'],
  isValid: (version) => {
    try {
      return valid(version) !== null;
    } catch {
      return false;
    }
  },
  compare: (a, b) => compare(a, b),
};
