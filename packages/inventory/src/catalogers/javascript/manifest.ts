import { UserError } from '@rampart/core';
import type { InventoryFs } from '../../fs/types.js';
import { dependencyNames, isRecord, optionalString, siblingPath } from './fields.js';

export type InputFs = Pick<InventoryFs, 'exists' | 'readText'>;

export interface Manifest {
  path: string;
  name?: string;
  version?: string;
  license?: string;
  /** dependencies, optionalDependencies and peerDependencies. */
  prodNames: string[];
  devNames: string[];
  /** Every dependency the project declares. */
  dependencyNames: string[];
}

/** The package.json beside a lockfile, for the facts a lockfile format leaves out (direct and dev). */
export async function readManifest(fs: InputFs, lockfile: string): Promise<Manifest | undefined> {
  const path = siblingPath(lockfile, 'package.json');
  if (!(await fs.exists(path))) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(await fs.readText(path));
  } catch (err) {
    throw new UserError(`is not valid JSON: ${(err as Error).message}`, { file: path, expected: 'a package.json' });
  }
  if (!isRecord(json)) throw new UserError('is not a JSON object', { file: path, expected: 'a package.json object' });
  const names = (field: string) => dependencyNames(json[field], path, field);
  const prodNames = [...names('dependencies'), ...names('optionalDependencies'), ...names('peerDependencies')];
  const devNames = names('devDependencies');
  const license = json['license'];
  const manifest: Manifest = {
    path,
    prodNames: [...new Set(prodNames)],
    devNames,
    dependencyNames: [...new Set([...prodNames, ...devNames])],
  };
  const name = optionalString(json['name'], path, 'name');
  const version = optionalString(json['version'], path, 'version');
  if (name !== undefined) manifest.name = name;
  if (version !== undefined) manifest.version = version;
  if (typeof license === 'string') manifest.license = license;
  return manifest;
}
