import { UserError } from '@rampart/core';
import type { InventoryFs } from '../../fs/types.js';
import { isRecord, optionalRecordAt, optionalString, siblingPath } from './fields.js';

export type InputFs = Pick<InventoryFs, 'exists' | 'readText'>;

/** name -> range, as package.json declares them. */
export type Ranges = [string, string][];

export interface Manifest {
  path: string;
  name?: string;
  version?: string;
  license?: string;
  /** dependencies and peerDependencies. */
  prod: Ranges;
  optional: Ranges;
  dev: Ranges;
  /** Every dependency name the project declares. */
  dependencyNames: string[];
  /** Globs of workspace member folders (`workspaces` as an array or as `{ packages }`). */
  workspaces: string[];
}

function ranges(value: unknown, file: string, field: string): Ranges {
  return Object.entries(optionalRecordAt(value, file, field)).map(([name, range]) => {
    if (typeof range !== 'string') {
      throw new UserError('dependency range is not a string', { file, field: `${field}.${name}`, expected: 'a string' });
    }
    return [name, range];
  });
}

function workspaceGlobs(value: unknown): string[] {
  const list = isRecord(value) ? value['packages'] : value;
  return Array.isArray(list) ? list.filter((g): g is string => typeof g === 'string') : [];
}

/** A package.json: the facts a lockfile format leaves out (which dependencies are direct, which are dev). */
export async function readManifestAt(fs: InputFs, path: string): Promise<Manifest | undefined> {
  if (!(await fs.exists(path))) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(await fs.readText(path));
  } catch (err) {
    throw new UserError(`is not valid JSON: ${(err as Error).message}`, { file: path, expected: 'a package.json' });
  }
  if (!isRecord(json)) throw new UserError('is not a JSON object', { file: path, expected: 'a package.json object' });
  const prod = [...ranges(json['dependencies'], path, 'dependencies'), ...ranges(json['peerDependencies'], path, 'peerDependencies')];
  const optional = ranges(json['optionalDependencies'], path, 'optionalDependencies');
  const dev = ranges(json['devDependencies'], path, 'devDependencies');
  const manifest: Manifest = {
    path,
    prod,
    optional,
    dev,
    dependencyNames: [...new Set([...prod, ...optional, ...dev].map(([n]) => n))],
    workspaces: workspaceGlobs(json['workspaces']),
  };
  const name = optionalString(json['name'], path, 'name');
  const version = optionalString(json['version'], path, 'version');
  if (name !== undefined) manifest.name = name;
  if (version !== undefined) manifest.version = version;
  if (typeof json['license'] === 'string') manifest.license = json['license'];
  return manifest;
}

/** The package.json beside a lockfile. */
export function readManifest(fs: InputFs, lockfile: string): Promise<Manifest | undefined> {
  return readManifestAt(fs, siblingPath(lockfile, 'package.json'));
}
