import { UserError } from '@rampart/core';
import type { Cataloger, CatalogResult } from '../../cataloger.js';
import { makePurl } from '../../purl.js';
import type { Package } from '../../types.js';
import { declaredModules } from './gradle-declared.js';
import { gradleRoot } from './gradle-project.js';
import { gradleVerificationHashes } from './gradle-verification.js';

const EXPECTED = 'Gradle lock state lines "group:artifact:version=configuration,..." and "empty=..."';
const COORD = /^([^:\s=,]+):([^:\s=,]+):([^:\s=,]+)$/;

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * Gradle 6+ writes one `gradle.lockfile` per project (and `buildscript-gradle.lockfile`, `settings-gradle.lockfile`
 * for the build's own classpath); Gradle 4.8-5 wrote `gradle/dependency-locks/<configuration>.lockfile` with bare
 * coordinates. https://docs.gradle.org/current/userguide/dependency_locking.html
 */
function isLockfile(path: string): boolean {
  return /(^|-)gradle\.lockfile$/.test(basename(path)) || /(^|\/)gradle\/dependency-locks\/[^/]+\.lockfile$/.test(path);
}

/** Dev when every configuration that resolves it is a test one; the build's own classpath is never shipped either. */
function isDev(path: string, configurations: string[]): boolean {
  if (/^(buildscript|settings)-gradle\.lockfile$/.test(basename(path))) return true;
  return configurations.length > 0 && configurations.every((c) => /^test/i.test(c));
}

export const gradleLockfileCataloger: Cataloger = {
  id: 'java-gradle-lockfile',
  ecosystem: 'maven',
  files: 'gradle.lockfile, *-gradle.lockfile and gradle/dependency-locks/*.lockfile',
  claims: isLockfile,
  async catalog(input): Promise<CatalogResult> {
    const file = input.path;
    const legacyConfiguration = file.includes('gradle/dependency-locks/') ? basename(file).replace(/\.lockfile$/, '') : undefined;
    const byPurl = new Map<string, Package>();
    const verified = await gradleVerificationHashes(input.fs, file);
    const lines = (await input.text()).replace(/^\uFEFF/, '').split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
      const line = (lines[i] ?? '').trim();
      if (line === '' || line.startsWith('#')) continue;
      if (legacyConfiguration === undefined && line.startsWith('empty=')) continue;
      const eq = line.indexOf('=');
      const coord = eq < 0 ? line : line.slice(0, eq);
      const configurations = eq < 0 ? [legacyConfiguration ?? ''] : line.slice(eq + 1).split(',').filter((c) => c !== '');
      const m = COORD.exec(coord);
      if (!m || (eq < 0 && legacyConfiguration === undefined)) {
        throw new UserError(`line "${line.slice(0, 80)}" is not a locked dependency`, { file, line: i + 1, expected: EXPECTED });
      }
      const name = `${m[1]}:${m[2]}`;
      const version = m[3] ?? '';
      const purl = makePurl('maven', name, version);
      const dev = isDev(file, configurations);
      const seen = byPurl.get(purl);
      if (seen) {
        seen.dev &&= dev;
        continue;
      }
      // The lock state is flat: it records no edges between modules.
      const hashes = verified.get(`${name}:${version}`) ?? [];
      byPurl.set(purl, { purl, name, version, ecosystem: 'maven', licenses: [], hashes, direct: false, dev, locations: [file], dependsOn: [] });
    }
    const packages = [...byPurl.values()];
    // The lock state does not say which modules the build declares; the build script beside it does, when it names them.
    const declared = await declaredModules(input.fs, file);
    for (const p of packages) p.direct = declared?.has(p.name) ?? false;
    const root = await gradleRoot(input.fs, file, packages.filter((p) => p.direct).map((p) => p.purl));
    return { ...(root ? { root } : {}), packages };
  },
};
