import type { InventoryFs } from '../../../fs/types.js';
import type { InventoryProblem } from '../../../types.js';
import { optionalRecordAt, optionalString, recordAt, type Json } from '../fields.js';
import { readManifest, type Manifest } from '../manifest.js';
import { descriptorName, splitKey, type YarnDep, type YarnEntry, type YarnProject } from './model.js';
import { workspaceMembers } from './workspaces.js';

export interface YarnRead {
  entries: YarnEntry[];
  projects: YarnProject[];
  problems: InventoryProblem[];
  isLocal: (dep: YarnDep) => boolean;
  /** The index in `projects` of the workspace member a dependency links to. */
  projectOf: (dep: YarnDep) => number | undefined;
}

/** The real name behind a descriptor: `alias@npm:real@1.0.0` installs `real`. */
function realName(descriptor: string): string | undefined {
  const name = descriptorName(descriptor);
  if (name === undefined) return undefined;
  const range = descriptor.slice(name.length + 1);
  return range.startsWith('npm:') ? (descriptorName(range.slice(4)) ?? range.slice(4)) : name;
}

function deps(value: Json, file: string, field: string): YarnDep[] {
  const out: YarnDep[] = [];
  for (const [f, optional] of [['dependencies', false], ['optionalDependencies', true]] as const) {
    for (const [name, range] of Object.entries(optionalRecordAt(value[f], file, `${field}.${f}`))) {
      const text = optionalString(range, file, `${field}.${f}.${name}`) ?? '';
      out.push({ name, descriptor: `${name}@${text}`, optional });
    }
  }
  return out;
}

function project(path: string, manifest: Manifest): YarnProject {
  const dep = (optional: boolean, dev: boolean) => ([name, range]: [string, string]) => ({ name, descriptor: `${name}@${range}`, optional, dev });
  return {
    path,
    name: manifest.name,
    version: manifest.version,
    license: manifest.license,
    deps: [...manifest.prod.map(dep(false, false)), ...manifest.optional.map(dep(true, false)), ...manifest.dev.map(dep(false, true))],
  };
}

/**
 * Yarn 1 lockfiles (`# yarn lockfile v1`): one entry per set of descriptors with `version`, `integrity`,
 * `dependencies` and `optionalDependencies`. They do not record the project itself, so which dependencies are
 * direct, and which are dev, come from the package.json beside the lockfile and from its workspace members'.
 */
export async function readClassic(lock: Json, file: string, fs: InventoryFs): Promise<YarnRead> {
  const problems: InventoryProblem[] = [];
  const entries: YarnEntry[] = [];
  for (const [key, raw] of Object.entries(lock)) {
    const field = `"${key}"`;
    const value = recordAt(raw, file, field);
    const descriptors = splitKey(key);
    const name = descriptors[0] === undefined ? undefined : realName(descriptors[0]);
    const version = optionalString(value['version'], file, `${field}.version`);
    if (name === undefined || version === undefined) {
      problems.push({ file, message: `${field}: no package name or version; left out` });
      continue;
    }
    const integrity = optionalString(value['integrity'], file, `${field}.integrity`);
    entries.push({ descriptors, name, version, integrity, deps: deps(value, file, field), peers: [], field });
  }
  const projects: YarnProject[] = [];
  const manifest = await readManifest(fs, file);
  const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
  const memberNames = new Set<string>();
  if (manifest) {
    projects.push(project('.', manifest));
    for (const member of await workspaceMembers(fs, dir, manifest.workspaces)) {
      projects.push(project(member.path, member.manifest));
      if (member.manifest.name) memberNames.add(member.manifest.name);
    }
  } else {
    problems.push({ file, message: 'no package.json beside this yarn v1 lockfile: direct and dev dependencies unknown' });
  }
  // Workspace members depend on each other by plain ranges that yarn links instead of locking.
  const isLocal = (dep: YarnDep) => memberNames.has(dep.name) || /@(link|file|portal|workspace):/.test(dep.descriptor);
  const projectOf = (dep: YarnDep) => {
    const i = projects.findIndex((p) => p.path !== '.' && p.name === dep.name);
    return i < 0 ? undefined : i;
  };
  return { entries, projects, problems, isLocal, projectOf };
}

export function isYarnClassic(text: string): boolean {
  return /^(#.*\r?\n)*?#\s*yarn lockfile v1\r?\n/i.test(text);
}

