import { makePurl, type Ecosystem, type Package } from '@rampart/inventory';
import { parseOsvRecord } from '../osv/parse.js';
import type { OsvRecord } from '../osv/types.js';

/** A package as a cataloger would report it, found in `file`. */
export function pkg(ecosystem: Ecosystem, name: string, version: string, file = 'package-lock.json', qualifiers?: Record<string, string>): Package {
  const namespace = ecosystem === 'deb' ? 'debian' : ecosystem === 'apk' ? 'alpine' : undefined;
  return {
    purl: makePurl(ecosystem, name, version, qualifiers, namespace),
    name,
    version,
    ecosystem,
    licenses: [],
    hashes: [],
    direct: true,
    dev: false,
    locations: [file],
    dependsOn: [],
  };
}

export function parsed(json: unknown): OsvRecord {
  const result = parseOsvRecord(json);
  if (!result.ok) throw new Error(result.reason);
  return result.record;
}
