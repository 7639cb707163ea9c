import { silentLogger, type Logger } from '@rampart/core';
import type { CatalogResult, Cataloger } from './cataloger.js';
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
  // Files are read and parsed several at a time (a node_modules tree is thousands of small package.json files, and
  // one at a time the run waits on the disk), but results are gathered in walk order, so output and the error a
  // run stops on do not depend on timing.
  const tasks: Promise<CatalogResult[]>[] = [];
  const inFlight = new Set<Promise<unknown>>();
  for await (const path of fs.walk()) {
    if (options.exclude?.(path)) continue;
    const claiming = catalogers.filter((c) => c.claims(path));
    if (claiming.length === 0) continue;
    const task = catalogFile(fs, path, claiming, logger);
    tasks.push(task);
    const settled: Promise<unknown> = task.then(
      (): void => void inFlight.delete(settled),
      (): void => void inFlight.delete(settled),
    );
    inFlight.add(settled);
    if (inFlight.size >= CONCURRENCY) await Promise.race(inFlight);
  }
  const roots: RootComponent[] = [];
  const packages: Package[] = [];
  const problems: InventoryProblem[] = [];
  for (const outcome of await Promise.allSettled(tasks)) {
    if (outcome.status === 'rejected') throw outcome.reason;
    for (const result of outcome.value) {
      if (result.root) roots.push(result.root);
      if (result.members) roots.push(...result.members);
      packages.push(...result.packages);
      if (result.problems) problems.push(...result.problems);
    }
  }
  return { roots: sortRoots(roots), packages: mergePackages(packages), problems };
}

const CONCURRENCY = 16;

async function catalogFile(fs: InventoryFs, path: string, claiming: readonly Cataloger[], logger: Logger): Promise<CatalogResult[]> {
  let cached: Promise<string> | undefined;
  const text = () => (cached ??= fs.readText(path));
  const results: CatalogResult[] = [];
  for (const cataloger of claiming) {
    logger.debug(`${cataloger.id}: ${path}`);
    results.push(await cataloger.catalog({ path, text, fs, logger }));
  }
  return results;
}
