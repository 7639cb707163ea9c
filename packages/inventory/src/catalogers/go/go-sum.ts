import type { Cataloger, CatalogResult } from '../../cataloger.js';
import { makePurl } from '../../purl.js';
import type { Package } from '../../types.js';
import { parseGoSum } from './gosum.js';

/**
 * go.sum on its own (a vendored tree, a module whose go.mod was not copied into an image). When go.mod sits beside
 * it, go.mod is the source of packages: go.sum also keeps checksums of versions that are no longer in the build list,
 * and cataloging both would report those as dependencies. The file is still parsed, so a broken go.sum is reported.
 */
export const goSumCataloger: Cataloger = {
  id: 'go-sum',
  ecosystem: 'golang',
  files: 'go.sum without a go.mod beside it (module zip lines; /go.mod lines are not packages)',
  claims: (path) => path === 'go.sum' || path.endsWith('/go.sum'),
  async catalog(input): Promise<CatalogResult> {
    const file = input.path;
    const entries = parseGoSum(file, await input.text());
    const mod = file.slice(0, file.length - 'go.sum'.length) + 'go.mod';
    if (await input.fs.exists(mod)) {
      input.logger.debug(`${file}: packages come from ${mod}; go.sum only adds their hashes`);
      return { packages: [] };
    }
    const byPurl = new Map<string, Package>();
    for (const e of entries) {
      const purl = makePurl('golang', e.path, e.version);
      if (byPurl.has(purl)) continue;
      byPurl.set(purl, {
        purl,
        name: e.path,
        version: e.version,
        ecosystem: 'golang',
        licenses: [],
        hashes: e.hash ? [e.hash] : [],
        // go.sum does not say which modules the main module imports itself.
        direct: false,
        dev: false,
        locations: [file],
        dependsOn: [],
      });
    }
    return { packages: [...byPurl.values()] };
  },
};
