import type { InputFs } from '../manifest.js';
import type { InventoryProblem, Package } from '../../../types.js';
import { dependencyNames, optionalRecordAt, optionalString, recordAt, type Json } from '../fields.js';
import { npmPackage, npmPurl, npmRoot } from '../npm-package.js';
import { readManifest } from '../manifest.js';
import { markDirect, type NpmLockResult } from './packages-map.js';

interface Node {
  field: string;
  name: string;
  version: string;
  value: Json;
  /** The nested `dependencies` of this node, where Node looks first. */
  children: Map<string, Node>;
  parent: Node | undefined;
}

/**
 * lockfileVersion 1: a tree of `dependencies`, each entry's nested `dependencies` being what is installed in its
 * own node_modules, and `requires` naming what it needs. A requirement resolves to the nearest entry of that name
 * going up the tree, as Node's resolution would. v1 has no root entry, so the direct dependencies come from the
 * package.json beside the lockfile when there is one.
 */
export async function catalogNested(lock: Json, file: string, fs: InputFs): Promise<NpmLockResult> {
  const problems: InventoryProblem[] = [];
  const top: Node = { field: '', name: '', version: '', value: lock, children: new Map(), parent: undefined };
  const all: Node[] = [];
  // A work list, not recursion: a lockfile nested thousands deep must not overflow the stack.
  const pending: { parent: Node; deps: Json; field: string }[] = [
    { parent: top, deps: optionalRecordAt(lock['dependencies'], file, 'dependencies'), field: 'dependencies' },
  ];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { parent, deps, field } = next;
    for (const [name, raw] of Object.entries(deps)) {
      const here = `${field}["${name}"]`;
      const value = recordAt(raw, file, here);
      const described = versionOf(name, value, file, here);
      if (!described) {
        problems.push({ file, message: `${here}: version is not a registry version; left out` });
        continue;
      }
      // Throws the UserError for a name or version npm could not have written, before any purl is made of it.
      npmPackage({ ...described, location: file, field: here });
      const node: Node = { field: here, ...described, value, children: new Map(), parent };
      parent.children.set(name, node);
      all.push(node);
      const nested = optionalRecordAt(value['dependencies'], file, `${here}.dependencies`);
      pending.push({ parent: node, deps: nested, field: `${here}.dependencies` });
    }
  }

  const resolve = (from: Node, name: string): Node | undefined => {
    for (let n: Node | undefined = from; n; n = n.parent) {
      const hit = n.children.get(name);
      if (hit) return hit;
    }
    return undefined;
  };
  const packages: Package[] = all.map((node) => {
    const dependsOn: string[] = [];
    for (const name of dependencyNames(node.value['requires'], file, `${node.field}.requires`)) {
      const target = resolve(node, name);
      if (target) dependsOn.push(npmPurl(target.name, target.version));
      else problems.push({ file, message: `${node.field}: required ${name} is not in the lockfile` });
    }
    return npmPackage({
      name: node.name,
      version: node.version,
      location: file,
      integrity: optionalString(node.value['integrity'], file, `${node.field}.integrity`),
      dev: node.value['dev'] === true,
      optional: node.value['optional'] === true,
      dependsOn,
    });
  });

  const manifest = await readManifest(fs, file);
  const direct = (manifest?.dependencyNames ?? [])
    .map((name) => top.children.get(name))
    .filter((n): n is Node => n !== undefined)
    .map((n) => npmPurl(n.name, n.version));
  if (!manifest) problems.push({ file, message: 'no package.json beside this v1 lockfile: direct dependencies unknown' });
  const root = npmRoot({
    name: optionalString(lock['name'], file, 'name') ?? manifest?.name,
    version: optionalString(lock['version'], file, 'version') ?? manifest?.version,
    manifest: file,
    licenses: [manifest?.license],
    dependsOn: direct,
  });
  markDirect(packages, [root]);
  return { root, members: [], packages, problems };
}

/**
 * v1 `version` is the semver for registry packages, `npm:real@1.0.0` for an alias, and a URL or `file:` path for
 * git, tarball and local dependencies, which have no registry version to put in a purl.
 */
function versionOf(key: string, value: Json, file: string, field: string): { name: string; version: string } | undefined {
  const version = optionalString(value['version'], file, `${field}.version`);
  if (version === undefined) return undefined;
  if (version.startsWith('npm:')) {
    const spec = version.slice(4);
    const at = spec.lastIndexOf('@');
    return at > 0 ? { name: spec.slice(0, at), version: spec.slice(at + 1) } : undefined;
  }
  if (/^[0-9]/.test(version) && !version.includes(':') && !version.includes('/')) return { name: key, version };
  return undefined;
}
