import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogResult } from '../../../cataloger.js';

/** A dependency graph as sets of `name@version` and `from>to` strings, which compare with one `toEqual`. */
export interface Graph {
  packages: Set<string>;
  edges: Set<string>;
}

export const ROOT = '(root)';

/** What a cataloger returned, in the same terms as the package managers' own listings. */
export function graphOf(result: CatalogResult): Graph {
  const byPurl = new Map(result.packages.map((p) => [p.purl, `${p.name}@${p.version}`]));
  const packages = new Set(byPurl.values());
  const edges = new Set<string>();
  for (const p of result.packages) for (const d of p.dependsOn) edges.add(`${p.name}@${p.version}>${byPurl.get(d)}`);
  // Every project is the one ROOT of the managers' listings; edges between projects are checked on their own.
  for (const root of [...(result.root ? [result.root] : []), ...(result.members ?? [])]) {
    for (const d of root.dependsOn) if (byPurl.has(d)) edges.add(`${ROOT}>${byPurl.get(d)}`);
  }
  return { packages, edges };
}

interface LsNode {
  version?: string;
  dependencies?: Record<string, LsNode>;
}

/**
 * `npm ls --all --json`: a tree whose nodes are `{ version, dependencies }`. A dependency that is not installed
 * (an optional one for another platform, an optional peer) is `{}`; it is returned in `missing`.
 */
export function npmLsGraph(json: string): Graph & { missing: Set<string> } {
  const tree = JSON.parse(json) as LsNode;
  const packages = new Set<string>();
  const edges = new Set<string>();
  const missing = new Set<string>();
  const visit = (from: string, node: LsNode) => {
    for (const [name, child] of Object.entries(node.dependencies ?? {})) {
      if (child.version === undefined) {
        missing.add(name);
        continue;
      }
      const id = `${name}@${child.version}`;
      edges.add(`${from}>${id}`);
      if (packages.has(id) && !child.dependencies) continue;
      packages.add(id);
      visit(id, child);
    }
  };
  visit(ROOT, tree);
  return { packages, edges, missing };
}

interface PnpmNode {
  from?: string;
  version?: string;
  dependencies?: Record<string, PnpmNode>;
  devDependencies?: Record<string, PnpmNode>;
  optionalDependencies?: Record<string, PnpmNode>;
}

/** `pnpm list --depth Infinity --json`: one tree per importer; `from` is the real name behind an alias. */
export function pnpmListGraph(json: string): Graph {
  const importers = JSON.parse(json) as PnpmNode[];
  const packages = new Set<string>();
  const edges = new Set<string>();
  const visit = (from: string, node: PnpmNode) => {
    const children = { ...node.dependencies, ...node.devDependencies, ...node.optionalDependencies };
    for (const [name, child] of Object.entries(children)) {
      if (child.version === undefined) continue;
      // A workspace link is another importer, a project like this one; pnpm may print its tree here only.
      if (child.version.startsWith('link:')) {
        visit(ROOT, child);
        continue;
      }
      const id = `${child.from ?? name}@${child.version}`;
      edges.add(`${from}>${id}`);
      packages.add(id);
      // pnpm 10 prints a repeated subtree once and marks the other copies `deduped`, in no particular order.
      visit(id, child);
    }
  };
  for (const importer of importers) visit(ROOT, importer);
  return { packages, edges };
}

interface Manifest {
  dependencies?: object;
  devDependencies?: object;
  optionalDependencies?: object;
}

/**
 * What is installed in a node_modules tree, read straight from the disk: every package root (`node_modules/x`,
 * `node_modules/@s/x`, at any depth, in the project's folder and in each workspace member's), and edges resolved
 * from each package.json the way Node resolves them. Symlinks (a manager's links to workspace members) are not
 * packages. Used for the yarn managers, whose own listings are partial (yarn 1 `list` prints no edges of hoisted
 * packages; berry has no full tree listing).
 */
export function installedGraph(dir: string, projects: { path: string; manifest: Manifest }[], { peers }: { peers: boolean }): Graph {
  const packages = new Set<string>();
  const edges = new Set<string>();
  const found = new Map<string, { id: string; deps: string[] }>();
  const walk = (nm: string) => {
    if (!existsSync(nm)) return;
    for (const entry of readdirSync(nm)) {
      if (entry.startsWith('.')) continue;
      const dirs = entry.startsWith('@') ? readdirSync(join(nm, entry)).map((n) => join(nm, entry, n)) : [join(nm, entry)];
      for (const pkgDir of dirs) {
        const manifestPath = join(pkgDir, 'package.json');
        if (lstatSync(pkgDir).isSymbolicLink() || !existsSync(manifestPath)) continue;
        const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest & { name: string; version: string; peerDependencies?: object };
        const id = `${m.name}@${m.version}`;
        packages.add(id);
        const deps = [...Object.keys(m.dependencies ?? {}), ...Object.keys(m.optionalDependencies ?? {}), ...(peers ? Object.keys(m.peerDependencies ?? {}) : [])];
        found.set(pkgDir, { id, deps });
        walk(join(pkgDir, 'node_modules'));
      }
    }
  };
  for (const project of projects) walk(join(dir, project.path, 'node_modules'));
  const resolveFrom = (fromDir: string, name: string): string | undefined => {
    for (let d = fromDir; d.startsWith(dir); d = join(d, '..')) {
      if (d.endsWith('/node_modules')) continue;
      const hit = found.get(join(d, 'node_modules', name));
      if (hit) return hit.id;
      if (d === dir) break;
    }
    return undefined;
  };
  for (const [pkgDir, { id, deps }] of found) {
    for (const name of deps) {
      const to = resolveFrom(pkgDir, name);
      if (to) edges.add(`${id}>${to}`);
    }
  }
  for (const { path, manifest } of projects) {
    const names = [manifest.dependencies, manifest.devDependencies, manifest.optionalDependencies].flatMap((m) => Object.keys(m ?? {}));
    for (const name of names) {
      const to = resolveFrom(join(dir, path), name);
      if (to) edges.add(`${ROOT}>${to}`);
    }
  }
  return { packages, edges };
}

/** Drops packages (and edges to or from them) that are in `ours` only because the platform skipped them. */
export function withoutPackages(graph: Graph, drop: ReadonlySet<string>): Graph {
  const packages = new Set([...graph.packages].filter((p) => !drop.has(p)));
  const edges = new Set(
    [...graph.edges].filter((e) => {
      const [from, to] = e.split('>');
      return !drop.has(from ?? '') && !drop.has(to ?? '');
    }),
  );
  return { packages, edges };
}
