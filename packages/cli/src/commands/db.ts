import { UserError } from '@rampart/core';
import { offlineSource, pullDatabase } from '@rampart/vulns';
import { parseCommandArgs, stringOpt } from '../args.js';
import { cacheDirOf } from '../pipeline/deps-step.js';
import type { Command } from './types.js';

/** The ecosystems `rampart db pull` fetches when none is named: the language ecosystems Rampart catalogs. */
export const DEFAULT_ECOSYSTEMS = ['npm', 'PyPI', 'Go', 'crates.io', 'RubyGems', 'Packagist', 'Maven', 'NuGet'];

const options = [
  { name: 'ecosystem', type: 'string', multiple: true, value: '<name>', description: `OSV ecosystem to pull (repeatable; default: ${DEFAULT_ECOSYSTEMS.join(', ')}; also Debian, Alpine, Ubuntu ...)` },
  { name: 'cache-dir', type: 'string', value: '<dir>', description: 'Mirror location (default: $RAMPART_CACHE_DIR or the user cache dir)' },
  { name: 'osv-bucket', type: 'string', value: '<url>', description: 'Where the per-ecosystem all.zip archives are (default: OSV\'s bucket)' },
] as const;

export const dbCommand: Command = {
  name: 'db',
  summary: 'Pull or show the offline OSV vulnerability mirror (for --offline and CI caches)',
  usage: 'rampart db pull|status [options]',
  description:
    'pull: downloads the OSV archives of the ecosystems into the cache directory, atomically, with an index.\n' +
    'status: lists what the mirror holds and how old it is. Cache the directory in CI (actions/cache, GitLab cache:).',
  options,
  async run(argv, deps) {
    const args = parseCommandArgs('db', argv, options);
    const [action, ...rest] = args.positionals;
    if ((action !== 'pull' && action !== 'status') || rest.length > 0) {
      throw new UserError(`unknown db action "${action ?? ''}"`, { field: 'command line', expected: 'rampart db pull or rampart db status' });
    }
    const cacheDir = cacheDirOf({ ...(stringOpt(args, 'cache-dir') ? { cacheDir: stringOpt(args, 'cache-dir') } : {}) }, deps);
    if (action === 'pull') {
      const v = args.values.ecosystem;
      const ecosystems = Array.isArray(v) && v.length > 0 ? v : DEFAULT_ECOSYSTEMS;
      const bucket = stringOpt(args, 'osv-bucket');
      const results = await pullDatabase({ ecosystems, cacheDir, now: deps.now, ...(bucket ? { baseUrl: bucket } : {}) });
      for (const r of results) deps.stdout(`${r.ecosystem}: ${r.records} advisories${r.skipped > 0 ? ` (${r.skipped} entries skipped)` : ''}\n`);
      deps.stdout(`mirror in ${cacheDir}\n`);
      return 0;
    }
    const dbs = await offlineSource({ cacheDir, now: deps.now }).databases();
    for (const d of dbs) deps.stdout(`${d.ecosystem}: ${d.records} advisories, pulled ${d.pulledAt} (${Math.floor(d.ageMs / 86_400_000)} days old)\n`);
    deps.stdout(`mirror in ${cacheDir}\n`);
    return 0;
  },
};
