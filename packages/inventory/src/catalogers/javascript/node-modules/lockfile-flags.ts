import type { CatalogInput, Cataloger } from '../../../cataloger.js';
import type { InventoryFs } from '../../../fs/types.js';

export interface Flags {
  dev: boolean;
  optional: boolean;
}

/** purl -> flags of the lockfile that governs a node_modules tree; undefined when there is none. */
type FlagMap = Map<string, Flags> | undefined;

/** One parse per lockfile and tree: a project's node_modules holds thousands of package.json files. */
const cache = new WeakMap<InventoryFs, Map<string, Promise<FlagMap>>>();

/**
 * The dev and optional flags of the packages in the lockfile that governs the node_modules holding `path`. An installed
 * package.json does not say whether the package is only for development, and the inventory merges sightings of a
 * purl as dev only if every sighting is: without these flags, installing the tree would turn every dev package of
 * the lockfile into a production one.
 */
export function lockfileFlags(input: CatalogInput, lockfiles: readonly Cataloger[]): Promise<FlagMap> {
  const segments = input.path.split('/');
  const projectDir = segments.slice(0, segments.indexOf('node_modules')).join('/');
  let perTree = cache.get(input.fs);
  if (!perTree) {
    perTree = new Map();
    cache.set(input.fs, perTree);
  }
  let flags = perTree.get(projectDir);
  if (!flags) {
    flags = read(input, projectDir, lockfiles);
    perTree.set(projectDir, flags);
  }
  return flags;
}

const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock'];

/** The nearest lockfile at or above `projectDir`: a workspace member's own node_modules is locked at the root. */
async function findLockfile(input: CatalogInput, projectDir: string): Promise<string | undefined> {
  const segments = projectDir === '' ? [] : projectDir.split('/');
  for (let i = segments.length; i >= 0; i--) {
    const dir = segments.slice(0, i).join('/');
    for (const name of LOCKFILES) {
      const path = dir === '' ? name : `${dir}/${name}`;
      if (await input.fs.exists(path)) return path;
    }
  }
  return undefined;
}

async function read(input: CatalogInput, projectDir: string, lockfiles: readonly Cataloger[]): Promise<FlagMap> {
  const path = await findLockfile(input, projectDir);
  const cataloger = path === undefined ? undefined : lockfiles.find((c) => c.claims(path));
  if (path === undefined || !cataloger) return undefined;
  try {
    const result = await cataloger.catalog({ ...input, path, text: () => input.fs.readText(path) });
    return new Map(result.packages.map((p) => [p.purl, { dev: p.dev, optional: p.optional ?? false }]));
  } catch {
    // The lockfile's own cataloger reports what is wrong with it; here the packages just keep no flags.
    return undefined;
  }
}
