import type { InventoryProblem, Package, RootComponent } from '../../../types.js';
import { npmPackage, npmPurl, npmRoot } from '../npm-package.js';
import { reachable } from '../reachability.js';
import type { YarnDep, YarnEntry, YarnProject } from './model.js';

export interface YarnGraph {
  root: RootComponent | undefined;
  members: RootComponent[];
  packages: Package[];
  problems: InventoryProblem[];
}

/**
 * Turns entries and projects into packages and roots. Yarn flags neither dev nor optional packages, so both come
 * from reachability, as npm computes its own flags: a package is dev when no production dependency of a project
 * reaches it, and optional when production reaches it but a production install can go without it (every path
 * from a production dependency goes through an optional edge).
 */
export function buildYarnGraph(
  entries: YarnEntry[],
  projects: YarnProject[],
  file: string,
  isLocal: (dep: YarnDep) => boolean,
  projectOf: (dep: YarnDep) => number | undefined,
): YarnGraph {
  const byDescriptor = new Map<string, YarnEntry>();
  for (const entry of entries) for (const d of entry.descriptors) byDescriptor.set(d, entry);
  // npmPackage throws the UserError naming the entry when its name or version cannot be npm's.
  const purls = new Map(entries.map((e) => [e, npmPackage({ name: e.name, version: e.version, location: file, field: e.field }).purl]));
  const purl = (e: YarnEntry) => purls.get(e) ?? npmPurl(e.name, e.version);
  const projectIds = projects.map((_, i) => `project:${i}`);
  const { edges, requiredEdges, problems } = linkAll({ entries, projects, projectIds, byDescriptor, purl, file, isLocal });

  const prodStarts = projects.flatMap((p) => p.deps.filter((d) => !d.dev).map((d) => byDescriptor.get(d.descriptor)));
  const prod = reachable(prodStarts.filter((e): e is YarnEntry => e !== undefined).map(purl), edges);
  const required = reachable(projectIds, requiredEdges);
  const direct = new Set(projects.flatMap((p) => p.deps.map((d) => byDescriptor.get(d.descriptor))).filter((e) => e).map((e) => purl(e as YarnEntry)));

  // Without a project (a yarn 1 lockfile alone) nothing is known to be dev or optional; say neither.
  const known = projects.length > 0;
  const packages = entries.map((e) => {
    const id = purl(e);
    return npmPackage({
      name: e.name,
      version: e.version,
      location: file,
      field: e.field,
      integrity: e.integrity,
      dev: known && !prod.has(id),
      // As npm's optional and devOptional: production can go without it, yet it is not only for development.
      optional: known && prod.has(id) && !required.has(id),
      direct: direct.has(id),
      dependsOn: edges.get(id) ?? [],
    });
  });
  const roots = projects.map((p, i) =>
    npmRoot({
      name: p.name,
      version: p.version,
      manifest: file,
      member: p.path === '.' ? '' : p.path,
      licenses: [p.license],
      dependsOn: edges.get(projectIds[i] ?? '') ?? [],
    }),
  );
  // A workspace member that depends on another: an edge between the two projects, by ref.
  projects.forEach((p, i) => {
    const root = roots[i];
    // Only what the lockfile did not resolve: a registry copy of the same name is a package, not the member.
    const unresolved = p.deps.filter((d) => !byDescriptor.has(d.descriptor));
    const linked = unresolved.map((d) => projectOf(d)).filter((j): j is number => j !== undefined && j !== i);
    if (root && linked.length > 0) {
      root.dependsOn = [...new Set([...root.dependsOn, ...linked.map((j) => roots[j]?.ref ?? '')])].filter((r) => r !== '').sort();
    }
  });
  const rootIndex = projects.findIndex((p) => p.path === '.');
  return { root: roots[rootIndex], members: roots.filter((_, i) => i !== rootIndex), packages, problems };
}

interface LinkInput {
  entries: YarnEntry[];
  projects: YarnProject[];
  projectIds: string[];
  byDescriptor: Map<string, YarnEntry>;
  purl: (e: YarnEntry) => string;
  file: string;
  isLocal: (dep: YarnDep) => boolean;
}

/** Every edge (and the edges that are not optional) from packages and projects, by purl and project id. */
function linkAll({ entries, projects, projectIds, byDescriptor, purl, file, isLocal }: LinkInput) {
  const problems: InventoryProblem[] = [];
  const edges = new Map<string, string[]>();
  const requiredEdges = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, from: string, to: string) => {
    const list = map.get(from) ?? [];
    if (!list.includes(to)) list.push(to);
    map.set(from, list);
  };
  /** name -> entry for each package's resolved dependencies, where a peer of a dependency is looked up. */
  const providers = new Map<string, Map<string, YarnEntry>>();
  const link = (from: string, deps: (YarnDep & { dev?: boolean })[], field: string) => {
    const provided = new Map<string, YarnEntry>();
    for (const dep of deps) {
      const to = byDescriptor.get(dep.descriptor);
      if (!to) {
        if (!isLocal(dep) && !dep.optional) problems.push({ file, message: `${field}: ${dep.descriptor} is not in the lockfile` });
        continue;
      }
      provided.set(dep.name, to);
      add(edges, from, purl(to));
      // What a production install cannot go without: no optional edge, and no dev edge of a project.
      if (!dep.optional && !dep.dev) add(requiredEdges, from, purl(to));
    }
    providers.set(from, provided);
  };
  for (const entry of entries) link(purl(entry), entry.deps, entry.field);
  projects.forEach((p, i) => link(projectIds[i] ?? '', p.deps, p.path));
  resolvePeers(entries, purl, providers, edges);
  return { edges, requiredEdges, problems };
}

/**
 * A peer dependency is provided by the package that depends on the peer's owner (react-dom's `react` is the
 * `react` its dependent installs next to it). Berry lockfiles leave peers unresolved; this resolves them the way
 * the node-modules linker does, from each dependent's own dependencies.
 */
function resolvePeers(
  entries: YarnEntry[],
  purl: (e: YarnEntry) => string,
  providers: Map<string, Map<string, YarnEntry>>,
  edges: Map<string, string[]>,
): void {
  const withPeers = new Map(entries.filter((e) => e.peers.length > 0).map((e) => [purl(e), e]));
  if (withPeers.size === 0) return;
  for (const [dependent, provided] of providers) {
    for (const dep of provided.values()) {
      const owner = withPeers.get(purl(dep));
      if (!owner) continue;
      for (const peer of owner.peers) {
        const provider = provided.get(peer) ?? providers.get(purl(owner))?.get(peer);
        if (!provider || dependent === purl(owner)) continue;
        const list = edges.get(purl(owner)) ?? [];
        if (!list.includes(purl(provider))) list.push(purl(provider));
        edges.set(purl(owner), list);
      }
    }
  }
}
