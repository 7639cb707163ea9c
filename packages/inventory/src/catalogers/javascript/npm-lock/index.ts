import { UserError } from '@rampart/core';
import type { Cataloger } from '../../../cataloger.js';
import type { CatalogResult } from '../../../cataloger.js';
import { mergePackages } from '../../../merge.js';
import { recordAt } from '../fields.js';
import { catalogNested } from './nested.js';
import { catalogPackagesMap, type NpmLockResult } from './packages-map.js';

const FILE = /(^|\/)(package-lock|npm-shrinkwrap)\.json$/;

/** npm's package-lock.json and npm-shrinkwrap.json (same format), lockfileVersion 1, 2 and 3. */
export const npmLockCataloger: Cataloger = {
  id: 'npm-package-lock',
  ecosystem: 'npm',
  files: 'package-lock.json, npm-shrinkwrap.json (lockfileVersion 1, 2, 3)',
  // A lockfile inside node_modules is a dependency's own (shrinkwrap) and npm already merged it into ours.
  claims: (path) => FILE.test(path) && !path.split('/').includes('node_modules'),
  async catalog(input) {
    const file = input.path;
    let json: unknown;
    try {
      json = JSON.parse(await input.text());
    } catch (err) {
      throw new UserError(`is not valid JSON: ${(err as Error).message}`, { file, expected: 'an npm lockfile' });
    }
    const lock = recordAt(json, file, '(top level)');
    const version = lock['lockfileVersion'];
    if (version === 1) return deduped(await catalogNested(lock, file, input.fs));
    // v2 carries both forms for npm 6; `packages` is the exact one.
    if (version === 2 || version === 3) return deduped(catalogPackagesMap(lock, file));
    throw new UserError(`unsupported npm lockfileVersion ${JSON.stringify(version)}`, {
      file,
      field: 'lockfileVersion',
      expected: '1, 2 or 3',
    });
  },
};

/** One package per purl: npm installs the same version at several node_modules paths. */
function deduped(result: NpmLockResult): CatalogResult {
  return { ...result, packages: mergePackages(result.packages) };
}
