import { UserError } from '@rampart/core';
import type { InventoryFs } from '../../../fs/types.js';
import type { InventoryProblem } from '../../../types.js';
import { isRecord, optionalRecordAt, optionalString, recordAt, type Json } from '../fields.js';
import { readManifestAt } from '../manifest.js';
import type { YarnRead } from './classic.js';
import { descriptorName, splitKey, type YarnDep, type YarnEntry, type YarnProject } from './model.js';

/** `__metadata.version` values of yarn 2 to 4, whose entries share one shape. */
const KNOWN_VERSIONS = new Set([4, 5, 6, 7, 8, 9, 10]);

/** Protocols of the user's own folders: projects or links, never registry packages. */
const LOCAL = /^(workspace|link|portal):/;

function flag(value: unknown): boolean {
  return value === true || value === 'true';
}

function deps(value: Json, file: string, field: string): YarnDep[] {
  const meta = optionalRecordAt(value['dependenciesMeta'], file, `${field}.dependenciesMeta`);
  return Object.entries(optionalRecordAt(value['dependencies'], file, `${field}.dependencies`)).map(([name, range]) => {
    const text = optionalString(range, file, `${field}.dependencies.${name}`) ?? '';
    const m = meta[name];
    return { name, descriptor: `${name}@${text}`, optional: isRecord(m) && flag(m['optional']) };
  });
}

/**
 * Yarn 2+ lockfiles (`__metadata`): entries keyed by descriptors with `resolution` (`name@npm:1.0.0`, or
 * `name@workspace:path` for the projects themselves), `dependencies` with `dependenciesMeta`, and unresolved
 * `peerDependencies`. `checksum` is the hash of yarn's own re-packed zip of the package, not of the registry
 * tarball, so it is not reported as the package's hash: a consumer checking it against the tarball would fail.
 */
export async function readBerry(lock: Json, file: string, fs: InventoryFs): Promise<YarnRead> {
  const metadata = recordAt(lock['__metadata'], file, '__metadata');
  const version = Number(metadata['version']);
  if (!KNOWN_VERSIONS.has(version)) {
    throw new UserError(`unsupported yarn lockfile __metadata.version ${JSON.stringify(metadata['version'])}`, {
      file,
      field: '__metadata.version',
      expected: 'yarn 2-4 lockfile versions 4 to 10',
    });
  }
  const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
  const problems: InventoryProblem[] = [];
  const entries: YarnEntry[] = [];
  const projects: YarnProject[] = [];
  const local = new Set<string>();
  const projectByDescriptor = new Map<string, number>();
  for (const [key, raw] of Object.entries(lock)) {
    if (key === '__metadata') continue;
    const field = `"${key}"`;
    const value = recordAt(raw, file, field);
    const resolution = optionalString(value['resolution'], file, `${field}.resolution`);
    const name = resolution === undefined ? undefined : descriptorName(resolution);
    if (resolution === undefined || name === undefined) {
      problems.push({ file, message: `${field}: no resolution; left out` });
      continue;
    }
    const descriptors = splitKey(key);
    const reference = resolution.slice(name.length + 1);
    if (LOCAL.test(reference)) {
      for (const d of descriptors) local.add(d);
      if (reference.startsWith('workspace:')) {
        for (const d of descriptors) projectByDescriptor.set(d, projects.length);
        projects.push(await workspace(fs, dir, reference.slice('workspace:'.length), value, file, field));
      }
      continue;
    }
    const pkgVersion = optionalString(value['version'], file, `${field}.version`);
    if (pkgVersion === undefined) {
      problems.push({ file, message: `${field}: no version; left out` });
      continue;
    }
    const peers = Object.keys(optionalRecordAt(value['peerDependencies'], file, `${field}.peerDependencies`));
    entries.push({ descriptors, name, version: pkgVersion, deps: deps(value, file, field), peers, field });
  }
  const isLocal = (dep: YarnDep) => local.has(dep.descriptor) || LOCAL.test(dep.descriptor.slice(dep.name.length + 1));
  return { entries, projects, problems, isLocal, projectOf: (dep) => projectByDescriptor.get(dep.descriptor) };
}

/** A workspace entry lists dev dependencies with the others; its package.json tells which are dev. */
async function workspace(fs: InventoryFs, dir: string, path: string, value: Json, file: string, field: string): Promise<YarnProject> {
  const folder = path === '.' || path === '' ? dir : dir === '' ? path : `${dir}/${path}`;
  const manifest = await readManifestAt(fs, folder === '' ? 'package.json' : `${folder}/package.json`);
  const devNames = new Set(manifest?.dev.map(([n]) => n) ?? []);
  const prodNames = new Set([...(manifest?.prod ?? []), ...(manifest?.optional ?? [])].map(([n]) => n));
  return {
    path: path === '' ? '.' : path,
    name: manifest?.name ?? descriptorName(optionalString(value['resolution'], file, `${field}.resolution`) ?? ''),
    version: manifest?.version,
    license: manifest?.license,
    deps: deps(value, file, field).map((d) => ({ ...d, dev: devNames.has(d.name) && !prodNames.has(d.name) })),
  };
}
