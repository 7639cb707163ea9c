import { createHash } from 'node:crypto';
import { UserError } from '@rampart/core';
import type { Cataloger, CatalogResult } from '../../cataloger.js';
import { makePurl } from '../../purl.js';
import type { InventoryProblem, Package } from '../../types.js';
import { extractEntries } from './archive.js';
import { parseProperties } from './properties.js';

const POM_PROPERTIES = /^META-INF\/maven\/[^/]+\/[^/]+\/pom\.properties$/;
const NESTED_ARCHIVE = /\.(jar|war)$/i;

interface Identified {
  packages: Package[];
  problems: InventoryProblem[];
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * The packages one archive's pom.properties files name. A shaded ("uber") jar holds several; the one whose artifactId
 * starts the file name is the archive itself and gets its sha1 (what Maven Central indexes), the others are what it
 * embeds, and it depends on them.
 */
function identify(file: string, label: string, bytes: Uint8Array, entries: Record<string, Uint8Array>): Identified {
  const packages: Package[] = [];
  const problems: InventoryProblem[] = [];
  for (const [name, data] of Object.entries(entries)) {
    if (!POM_PROPERTIES.test(name)) continue;
    const props = parseProperties(new TextDecoder().decode(data));
    const groupId = props.get('groupId')?.trim();
    const artifactId = props.get('artifactId')?.trim();
    const version = props.get('version')?.trim();
    if (!groupId || !artifactId || !version || /[:/\s]/.test(groupId + artifactId)) {
      problems.push({ file, message: `${label}: ${name} lacks groupId, artifactId or version` });
      continue;
    }
    const full = `${groupId}:${artifactId}`;
    packages.push({ purl: makePurl('maven', full, version), name: full, version, ecosystem: 'maven', licenses: [], hashes: [], direct: false, dev: false, locations: [file], dependsOn: [] });
  }
  if (packages.length === 0) {
    problems.push({ file, message: `${label} has no META-INF/maven/**/pom.properties, so it cannot be identified` });
    return { packages, problems };
  }
  const base = basename(label).toLowerCase();
  const own = packages.length === 1 ? packages[0] : packages.find((p) => base.startsWith(`${p.name.split(':')[1] ?? ''}-`.toLowerCase()));
  if (own) {
    own.hashes = [{ alg: 'sha1', value: createHash('sha1').update(bytes).digest('hex') }];
    own.dependsOn = packages.filter((p) => p !== own).map((p) => p.purl);
  }
  return { packages, problems };
}

/**
 * Java archives: pom.properties under META-INF/maven inside `*.jar`, `*.war`, `*.ear`, and one level of archives nested
 * in them (WEB-INF/lib/*.jar in a war, the modules of an ear). Read from memory and never extracted to disk.
 */
export const javaArchiveCataloger: Cataloger = {
  id: 'java-archive',
  ecosystem: 'maven',
  files: '*.jar, *.war, *.ear (META-INF/maven/<group>/<artifact>/pom.properties, nested archives one level deep)',
  claims: (path) => /\.(jar|war|ear)$/i.test(path),
  async catalog(input): Promise<CatalogResult> {
    const file = input.path;
    const bytes = await input.fs.readBytes(file);
    const entries = extractEntries(file, bytes, (name) => POM_PROPERTIES.test(name) || NESTED_ARCHIVE.test(name));
    const outer = identify(file, file, bytes, entries);
    const packages = [...outer.packages];
    const problems = [...outer.problems];
    const own = outer.packages.find((p) => p.hashes.length > 0);
    for (const [name, nested] of Object.entries(entries)) {
      if (!NESTED_ARCHIVE.test(name)) continue;
      const label = `${file}!/${name}`;
      let innerEntries: Record<string, Uint8Array>;
      try {
        innerEntries = extractEntries(label, nested, (n) => POM_PROPERTIES.test(n));
      } catch (e) {
        // A broken nested archive is one unusable entry of a readable outer archive, not a broken input.
        if (!(e instanceof UserError)) throw e;
        problems.push({ file, message: e.message });
        continue;
      }
      const inner = identify(file, label, nested, innerEntries);
      packages.push(...inner.packages);
      problems.push(...inner.problems);
      const innerOwn = inner.packages.find((p) => p.hashes.length > 0);
      if (own && innerOwn && innerOwn.purl !== own.purl && !own.dependsOn.includes(innerOwn.purl)) own.dependsOn.push(innerOwn.purl);
    }
    // One archive can embed the same artifact twice (two copies in WEB-INF/lib); keep the first.
    const unique = new Map<string, Package>();
    for (const p of packages) if (!unique.has(p.purl)) unique.set(p.purl, p);
    return { packages: [...unique.values()], problems };
  },
};
