import { UserError } from '@rampart/core';
import type { Cataloger } from '../../../cataloger.js';
import { isRecord, type Json } from '../fields.js';
import { npmLockCataloger } from '../npm-lock/index.js';
import { isNpmNameAndVersion, npmPackage } from '../npm-package.js';
import { pnpmLockCataloger } from '../pnpm-lock/index.js';
import { yarnLockCataloger } from '../yarn-lock/index.js';
import { lockfileFlags } from './lockfile-flags.js';

const LOCKFILE_CATALOGERS = [npmLockCataloger, pnpmLockCataloger, yarnLockCataloger];

const NAME = String.raw`(?:@[^/]+/[^/]+|[^/.@][^/]*)`;
/**
 * A package root below node_modules, at any depth: `node_modules/x/`, `node_modules/@s/x/`, nested
 * `node_modules/x/node_modules/y/`, and pnpm's store `node_modules/.pnpm/<key>/node_modules/x/`. Anything else
 * (`node_modules/x/test/fixtures/node_modules/y/`) is a file a package ships, not a package installed.
 */
const STORE = String.raw`(?:\.pnpm/[^/]+/node_modules/)?`;
const INSTALLED = new RegExp(String.raw`^node_modules/(?:${STORE}${NAME}/node_modules/)*${STORE}${NAME}/package\.json$`);

/** Whether `path` is the package.json of an installed package, read from the project's first node_modules on. */
export function isInstalledManifest(path: string): boolean {
  const segments = path.split('/');
  const first = segments.indexOf('node_modules');
  return first >= 0 && INSTALLED.test(segments.slice(first).join('/'));
}

/** `license` as a string or the legacy `{ type }`, or the older `licenses: [{ type }]` / `licenses: ['MIT']`. */
function licenses(json: Json): (string | undefined)[] {
  const one = (value: unknown): string | undefined =>
    typeof value === 'string' ? value : isRecord(value) && typeof value['type'] === 'string' ? value['type'] : undefined;
  const list = Array.isArray(json['licenses']) ? json['licenses'].map(one) : [];
  return [one(json['license']), ...list];
}

/**
 * Packages installed in node_modules, one package.json each, with no root: what is on the disk, whichever manager
 * put it there (npm, yarn's node-modules linker, pnpm's store). Edges are left to the lockfile catalogers: one
 * file does not say which copy of a dependency Node would load. Dev and optional come from the lockfile beside the
 * tree when there is one (see `lockfileFlags`); without one, an installed package counts as production.
 */
export const nodeModulesCataloger: Cataloger = {
  id: 'npm-installed',
  ecosystem: 'npm',
  files: 'node_modules/**/package.json (package roots only)',
  claims: isInstalledManifest,
  async catalog(input) {
    const file = input.path;
    let json: unknown;
    try {
      json = JSON.parse(await input.text());
    } catch (err) {
      throw new UserError(`is not valid JSON: ${(err as Error).message}`, { file, expected: 'a package.json' });
    }
    if (!isRecord(json)) throw new UserError('is not a JSON object', { file, expected: 'a package.json object' });
    // Installed manifests are not the user's to fix, so odd fields are read leniently instead of refused.
    const name = typeof json['name'] === 'string' ? json['name'] : undefined;
    const version = typeof json['version'] === 'string' ? json['version'] : undefined;
    if (!name || !version) {
      return { packages: [], problems: [{ file, message: 'installed package.json has no name or version; left out' }] };
    }
    if (!isNpmNameAndVersion(name, version)) {
      return { packages: [], problems: [{ file, message: `${JSON.stringify(name)}@${JSON.stringify(version)} is not an npm name and version; left out` }] };
    }
    const pkg = npmPackage({ name, version, location: file, licenses: licenses(json) });
    const flags = (await lockfileFlags(input, LOCKFILE_CATALOGERS))?.get(pkg.purl);
    if (flags) {
      pkg.dev = flags.dev;
      if (flags.optional) pkg.optional = true;
    }
    return { packages: [pkg] };
  },
};
