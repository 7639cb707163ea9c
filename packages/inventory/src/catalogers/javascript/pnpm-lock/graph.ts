import type { InventoryProblem, Package } from '../../../types.js';
import { isRecord, optionalRecordAt, optionalString, type Json } from '../fields.js';
import { npmPackage } from '../npm-package.js';
import { reachable } from '../reachability.js';
import type { Importer } from './importers.js';
import { keyOfReference, parseKey, type PnpmDialect } from './keys.js';

interface Node {
  key: string;
  name: string;
  version: string;
  integrity: string | undefined;
  /** name, reference, and whether the edge is optional. */
  deps: [string, string, boolean][];
  field: string;
}

export interface PnpmGraph {
  packages: Package[];
  /** Importer path -> purls of its direct dependencies. */
  direct: Map<string, string[]>;
  problems: InventoryProblem[];
}

function deps(entry: Json, file: string, field: string): [string, string, boolean][] {
  const out: [string, string, boolean][] = [];
  for (const f of ['dependencies', 'optionalDependencies'] as const) {
    for (const [name, ref] of Object.entries(optionalRecordAt(entry[f], file, `${field}.${f}`))) {
      out.push([name, optionalString(ref, file, `${field}.${f}.${name}`) ?? '', f === 'optionalDependencies']);
    }
  }
  return out;
}

/**
 * The nodes of the lockfile, one per key. pnpm 9 splits a package in two: `packages` (what was downloaded, keyed
 * without peers) and `snapshots` (each peer-resolved instance and its dependencies); older dialects hold both in
 * `packages`.
 */
function readNodes(lock: Json, file: string, dialect: PnpmDialect, problems: InventoryProblem[]): Map<string, Node> {
  const packages = optionalRecordAt(lock['packages'], file, 'packages');
  // A v9 lockfile cut down by hand (or by a tool) to `packages` alone still names every package, just no edges.
  const split = dialect === 'v9' && lock['snapshots'] !== undefined;
  const snapshots = split ? optionalRecordAt(lock['snapshots'], file, 'snapshots') : packages;
  const section = split ? 'snapshots' : 'packages';
  const nodes = new Map<string, Node>();
  for (const [key, raw] of Object.entries(snapshots)) {
    const field = `${section}["${key}"]`;
    const snapshot = optionalRecordAt(raw, file, field);
    const parsed = parseKey(key, dialect);
    const baseKey = dialect === 'v9' && parsed ? `${parsed.name}@${parsed.version}` : key;
    const meta = dialect === 'v9' ? optionalRecordAt(packages[baseKey], file, `packages["${baseKey}"]`) : snapshot;
    const name = optionalString(meta['name'], file, `packages["${baseKey}"].name`) ?? parsed?.name;
    const version = optionalString(meta['version'], file, `packages["${baseKey}"].version`) ?? parsed?.version;
    if (name === undefined || version === undefined) {
      problems.push({ file, message: `${field}: no package name and version in the key or the entry; left out` });
      continue;
    }
    const resolution = meta['resolution'];
    const integrity = isRecord(resolution) ? optionalString(resolution['integrity'], file, `${field}.resolution.integrity`) : undefined;
    nodes.set(key, { key, name, version, integrity, deps: deps(snapshot, file, field), field });
  }
  return nodes;
}

export function buildGraph(lock: Json, file: string, dialect: PnpmDialect, importers: Importer[]): PnpmGraph {
  const problems: InventoryProblem[] = [];
  const nodes = readNodes(lock, file, dialect, problems);
  const target = (name: string, ref: string, from: string): string | undefined => {
    if (ref.startsWith('link:')) return undefined;
    const candidates = [keyOfReference(name, ref, dialect), ref, dialect === 'v9' ? `${name}@${ref}` : `/${name}/${ref}`];
    const hit = candidates.find((k): k is string => k !== undefined && nodes.has(k));
    if (hit === undefined) problems.push({ file, message: `${from}: ${name} ${ref} is not in the lockfile` });
    return hit;
  };
  const edges = new Map<string, string[]>();
  const requiredEdges = new Map<string, string[]>();
  for (const node of nodes.values()) {
    const resolved = node.deps.map(([n, r, optional]) => ({ key: target(n, r, node.field), optional }));
    edges.set(node.key, resolved.map((d) => d.key).filter((k): k is string => k !== undefined));
    requiredEdges.set(node.key, resolved.filter((d) => !d.optional).map((d) => d.key).filter((k): k is string => k !== undefined));
  }
  const importerKeys = (list: [string, string][], field: string) =>
    list.map(([n, r]) => target(n, r, field)).filter((k): k is string => k !== undefined);
  const prodStarts = importers.flatMap((i) => importerKeys(i.prod, i.field || 'dependencies'));
  const devStarts = importers.flatMap((i) => importerKeys(i.dev, i.field || 'devDependencies'));
  const prod = reachable(prodStarts, edges);
  // pnpm's own `optional` counts dev paths too; npm's (and so ours) asks whether a production install needs it.
  const required = reachable(
    importers.flatMap((i) => importerKeys(i.required, i.field || 'dependencies')),
    requiredEdges,
  );
  const directKeys = new Set([...prodStarts, ...devStarts]);

  const purlOf = new Map<string, string>();
  const built = [...nodes.values()].map((node) => {
    const pkg = npmPackage({
      name: node.name,
      version: node.version,
      location: file,
      field: node.field,
      integrity: node.integrity,
      dev: !prod.has(node.key),
      optional: prod.has(node.key) && !required.has(node.key),
      direct: directKeys.has(node.key),
    });
    purlOf.set(node.key, pkg.purl);
    return { node, pkg };
  });
  const packages = built.map(({ node, pkg }) => ({
    ...pkg,
    dependsOn: (edges.get(node.key) ?? []).map((k) => purlOf.get(k)).filter((p): p is string => p !== undefined),
  }));
  const direct = new Map<string, string[]>();
  for (const importer of importers) {
    const keys = importerKeys([...importer.prod, ...importer.dev], importer.field);
    direct.set(importer.path, keys.map((k) => purlOf.get(k)).filter((p): p is string => p !== undefined));
  }
  return { packages, direct, problems };
}
