import { silentLogger, type Logger } from '@rampart/core';
import type { Cataloger } from './cataloger.js';
import { CATALOGERS } from './catalogers/index.js';
import type { InventoryFs } from './fs/types.js';
import { mergePackages, sortRoots } from './merge.js';
import type { Inventory, InventoryProblem, Package, RootComponent } from './types.js';

export interface CatalogOptions {
  catalogers?: readonly Cataloger[];
  logger?: Logger;
  /** Paths (relative, `/`) to leave out, for example the scanner's own output directory. */
  exclude?: (path: string) => boolean;
}

/**
 * Walks the tree once and runs every cataloger that claims a file. A `UserError` from a cataloger (a malformed or
 * unknown-version lockfile) stops the run: the CLI turns it into exit 2 naming the file, rather than writing an SBOM
 * that silently misses a lockfile.
 */
export async function catalog(fs: InventoryFs, options: CatalogOptions = {}): Promise<Inventory> {
  const catalogers = options.catalogers ?? CATALOGERS;
  const logger = options.logger ?? silentLogger;
  const roots: RootComponent[] = [];
  const packages: Package[] = [];
  const problems: InventoryProblem[] = [];
  for await (const path of fs.walk()) {
    if (options.exclude?.(path)) continue;
    const claiming = catalogers.filter((c) => c.claims(path));
    if (claiming.length === 0) continue;
    let cached: Promise<string> | undefined;
    const text = () => (cached ??= fs.readText(path));
    for (const cataloger of claiming) {
      logger.debug(`${cataloger.id}: ${path}`);
      const result = await cataloger.catalog({ path, text, fs, logger });
      if (result.root) roots.push(result.root);
      if (result.members) roots.push(...result.members);
      packages.push(...result.packages);
      if (result.problems) problems.push(...result.problems);
    }
  }
  return { roots: sortRoots(roots), packages: mergePackages(packages), problems };
}
