import { UserError } from '@rampart/core';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { InventoryFs } from '../../fs/types.js';
import { hexHash } from '../../hashes.js';
import type { HashAlgorithm, PackageHash } from '../../types.js';

const ALGS: HashAlgorithm[] = ['sha512', 'sha256', 'sha1', 'md5'];
const MAX_UP = 6;

function list(v: unknown): Record<string, unknown>[] {
  const items = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return items.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null);
}

/**
 * Hashes of each module's main jar from Gradle's dependency verification file
 * (https://docs.gradle.org/current/userguide/dependency_verification.html), keyed `group:name:version`. It sits in
 * the `gradle/` folder of the build's root, which for a subproject's lockfile is a few folders up.
 */
export async function gradleVerificationHashes(fs: InventoryFs, lockfile: string): Promise<Map<string, PackageHash[]>> {
  const out = new Map<string, PackageHash[]>();
  const parts = lockfile.split('/').slice(0, -1);
  // Gradle 5's per-configuration locks live in <project>/gradle/dependency-locks/.
  if (parts.slice(-2).join('/') === 'gradle/dependency-locks') parts.splice(-2, 2);
  for (let up = 0; up <= Math.min(parts.length, MAX_UP); up++) {
    const dir = parts.slice(0, parts.length - up).join('/');
    const path = `${dir === '' ? '' : `${dir}/`}gradle/verification-metadata.xml`;
    if (!(await fs.exists(path))) continue;
    const text = await fs.readText(path);
    const valid = XMLValidator.validate(text);
    if (valid !== true) {
      throw new UserError(`is not well-formed XML: ${valid.err.msg}`, { file: path, line: valid.err.line, expected: 'Gradle verification metadata' });
    }
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseAttributeValue: false }).parse(text) as Record<string, unknown>;
    const root = list(doc['verification-metadata'])[0] ?? {};
    for (const component of list(list(root.components)[0]?.component)) {
      const { group, name, version } = component;
      if (typeof group !== 'string' || typeof name !== 'string' || typeof version !== 'string') continue;
      const jar = list(component.artifact).find((a) => a.name === `${name}-${version}.jar`);
      const hashes = ALGS.flatMap((alg) => {
        const value = list(jar?.[alg])[0]?.value;
        const hash = hexHash(typeof value === 'string' ? value : undefined, alg);
        return hash ? [hash] : [];
      });
      if (hashes.length > 0) out.set(`${group}:${name}:${version}`, hashes);
    }
    break;
  }
  return out;
}
