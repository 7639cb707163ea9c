import type { Logger } from '@rampart/core';
import type { InventoryFs } from './fs/types.js';
import type { Ecosystem, InventoryProblem, Package, RootComponent } from './types.js';

export interface CatalogInput {
  /** The claimed file, relative to the tree's root, `/`-separated. */
  path: string;
  /** Its content as UTF-8 text (catalogers of binary files read `fs.readBytes(path)` instead). */
  text: () => Promise<string>;
  /** The whole tree, for catalogers that read a manifest beside the lockfile or look inside an archive. */
  fs: InventoryFs;
  logger: Logger;
}

export interface CatalogResult {
  /** The project this lockfile or manifest describes, when it names one (installed-package catalogers do not). */
  root?: RootComponent;
  /**
   * Further projects the same file describes: the members of an npm/yarn workspace, the importers of a pnpm
   * monorepo. One lockfile can hold many projects, and folding them into one root would give every member the
   * dependencies of all the others.
   */
  members?: RootComponent[];
  packages: Package[];
  /** Entries that could not be used, each with a reason; the file as a whole was read. */
  problems?: InventoryProblem[];
}

/**
 * One file format of one ecosystem (renovate's managers are the model: adding a format is adding a folder).
 *
 * Contract, checked for every registered cataloger by `catalogers/contract.test.ts`:
 * - `claims` is a pure function of the path and claims no path of another cataloger's format;
 * - `catalog` returns packages whose purl matches name, version and ecosystem, with `locations` holding `path`
 *   and `dependsOn` naming only purls it also returned (roots may also name the refs of the other roots it returned:
 *   a workspace member that depends on another);
 * - input that is not the format at all, or a version of the format it does not know, throws a `UserError` naming
 *   the file, the field and what was expected; it never returns an empty result for it.
 */
export interface Cataloger {
  /** Kebab-case and unique: `npm-package-lock`, `python-poetry-lock`. */
  readonly id: string;
  readonly ecosystem: Ecosystem;
  /** Human-readable list of the files it reads, for `--help` and the docs. */
  readonly files: string;
  claims(path: string): boolean;
  catalog(input: CatalogInput): Promise<CatalogResult>;
}
