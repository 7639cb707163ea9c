import { UserError } from '@rampart/core';
import type { InventoryProblem, Package, RootComponent } from '../../../types.js';
import { dependencyNames, isRecord, optionalString, recordAt, type Json } from '../fields.js';
import { isNpmNameAndVersion, npmPackage, npmPurl, npmRoot } from '../npm-package.js';
import { nameFromKey, nodeModulesCandidates } from './resolve.js';

export interface NpmLockResult {
  root: RootComponent;
  members: RootComponent[];
  packages: Package[];
  problems: InventoryProblem[];
}

const EDGE_FIELDS = ['dependencies', 'optionalDependencies', 'peerDependencies', 'devDependencies'] as const;

interface Entry {
  key: string;
  value: Json;
}

/**
 * lockfileVersion 2 and 3: `packages` keyed by install path. Every key under node_modules is one installed copy
 * of a package; a key outside node_modules (`packages/app`) is a workspace member or a `file:` folder, which is
 * the user's own code, so it is a root (a project) and never a registry package. `link` entries only point at
 * such folders and are not packages themselves.
 */
export function catalogPackagesMap(lock: Json, file: string): NpmLockResult {
  const map = recordAt(lock['packages'], file, 'packages');
  const problems: InventoryProblem[] = [];
  const entries = new Map<string, Json>();
  for (const [key, value] of Object.entries(map)) entries.set(key, recordAt(value, file, `packages["${key}"]`));
  const project = (key: string, value: Json, dependsOn: string[]) =>
    npmRoot({
      name: optionalString(value['name'], file, `packages["${key}"].name`) ?? (key === '' ? undefined : key),
      version: optionalString(value['version'], file, `packages["${key}"].version`),
      manifest: file,
      member: key,
      licenses: [licenseOf(value, file, key)],
      dependsOn,
    });
  const memberRefs = new Map<string, string>();
  for (const [key, value] of entries) {
    if (key !== '' && value['link'] !== true && nameFromKey(key) === undefined) memberRefs.set(key, project(key, value, []).ref);
  }
  const edgesOf = edgeResolver(entries, file, problems, memberRefs);

  const packages: Package[] = [];
  const members: RootComponent[] = [];
  let root: RootComponent | undefined;
  for (const [key, value] of entries) {
    if (value['link'] === true) continue;
    if (key === '' || nameFromKey(key) === undefined) {
      const described = project(key, value, edgesOf({ key, value }, EDGE_FIELDS, { members: true }));
      if (key === '') root = described;
      else members.push(described);
      continue;
    }
    const described = describe({ key, value }, file, problems);
    if (!described) continue;
    // A package's own devDependencies are never installed for it, so they are no edges.
    const dependsOn = edgesOf({ key, value }, ['dependencies', 'optionalDependencies', 'peerDependencies']);
    packages.push(
      npmPackage({
        name: described.name,
        version: described.version,
        location: file,
        licenses: [licenseOf(value, file, key)],
        integrity: optionalString(value['integrity'], file, `packages["${key}"].integrity`),
        dev: value['dev'] === true,
        // devOptional: needed for dev installs and as an optional dependency of production code.
        optional: value['optional'] === true || value['devOptional'] === true,
        dependsOn,
      }),
    );
  }
  root ??= npmRoot({
    name: optionalString(lock['name'], file, 'name'),
    version: optionalString(lock['version'], file, 'version'),
    manifest: file,
    dependsOn: [],
  });
  markDirect(packages, [root, ...members]);
  return { root, members, packages, problems };
}

type EdgeField = (typeof EDGE_FIELDS)[number];

/**
 * Resolves each dependency of an entry to the purl Node would load for it: the nearest `node_modules/<name>` up
 * the entry's path, through `link` entries to the folder they point at (a workspace member: no purl).
 */
function edgeResolver(entries: Map<string, Json>, file: string, problems: InventoryProblem[], memberRefs: Map<string, string>) {
  const linkTarget = (key: string): string => {
    const entry = entries.get(key);
    if (!entry || entry['link'] !== true) return key;
    const resolved = optionalString(entry['resolved'], file, `packages["${key}"].resolved`);
    if (resolved === undefined) {
      throw new UserError('link entry has no target', { file, field: `packages["${key}"].resolved`, expected: 'a path' });
    }
    return resolved;
  };
  const purlOf = new Map<string, string>();
  for (const [key, value] of entries) {
    if (key === '' || value['link'] === true || nameFromKey(key) === undefined) continue;
    // Entries that cannot be described are reported once, by the caller's own pass.
    const purl = describe({ key, value }, file, []);
    if (purl) purlOf.set(key, purl.purl);
  }

  /** The purl a dependency `name` of the package at `from` resolves to; undefined for a local folder or missing. */
  const resolve = (from: string, name: string): { purl?: string; member?: string; found: boolean } => {
    for (const candidate of nodeModulesCandidates(from, name)) {
      if (!entries.has(candidate)) continue;
      const target = linkTarget(candidate);
      const purl = purlOf.get(target);
      if (purl) return { purl, found: true };
      const member = memberRefs.get(target);
      return member ? { member, found: true } : { found: true };
    }
    return { found: false };
  };
  /** Edges of a project may point at another member (a link); a package's name packages only. */
  const edgesOf = (entry: Entry, fields: readonly EdgeField[], { members = false } = {}): string[] => {
    const out: string[] = [];
    for (const field of fields) {
      for (const name of dependencyNames(entry.value[field], file, `packages["${entry.key}"].${field}`)) {
        const hit = resolve(entry.key, name);
        if (hit.purl) out.push(hit.purl);
        else if (hit.member && members && hit.member !== memberRefs.get(entry.key)) out.push(hit.member);
        else if (!hit.found && field === 'dependencies') {
          problems.push({ file, message: `packages["${entry.key}"]: dependency ${name} is not in the lockfile` });
        }
      }
    }
    return out;
  };

  return edgesOf;
}

function describe(entry: Entry, file: string, problems: InventoryProblem[]) {
  const name = optionalString(entry.value['name'], file, `packages["${entry.key}"].name`) ?? nameFromKey(entry.key);
  const version = optionalString(entry.value['version'], file, `packages["${entry.key}"].version`);
  if (name === undefined || version === undefined || version === '') {
    problems.push({ file, message: `packages["${entry.key}"] has no name or version; left out` });
    return undefined;
  }
  if (!isNpmNameAndVersion(name, version)) {
    throw new UserError(`${JSON.stringify(name)}@${JSON.stringify(version)} is not an npm package name and version`, {
      file,
      field: `packages["${entry.key}"]`,
      expected: 'an npm package name and version, without whitespace',
    });
  }
  return { name, version, purl: npmPurl(name, version) };
}

/** v2/v3 copy `license` from package.json: a string, or in old packages an object `{ type }`. */
function licenseOf(value: Json, file: string, key: string): string | undefined {
  const license = value['license'];
  if (isRecord(license)) return optionalString(license['type'], file, `packages["${key}"].license.type`);
  return optionalString(license, file, `packages["${key}"].license`);
}

export function markDirect(packages: Package[], roots: readonly RootComponent[]): void {
  const direct = new Set(roots.flatMap((r) => r.dependsOn));
  for (const p of packages) if (direct.has(p.purl)) p.direct = true;
}
