import { UserError } from '@rampart/core';
import { boolOpt, parseCommandArgs, stringOpt, type OptionSpec, type ParsedArgs } from '../args.js';
import type { VulnSourceChoice } from '../pipeline/deps-step.js';
import { runDepsRequest } from '../pipeline/run-deps.js';
import { CONFIG_OPTION, GATE_OPTIONS, JSON_OPTION, OUTPUT_OPTIONS } from './common-options.js';
import { flagsFrom, printOutcome } from './report.js';
import type { Command } from './types.js';

export const VULN_SOURCE_OPTIONS: readonly OptionSpec[] = [
  { name: 'offline', type: 'boolean', description: 'Use only the offline OSV mirror (`rampart db pull`), never the network' },
  { name: 'osv-url', type: 'string', value: '<url>', description: 'OSV API to query (default: https://api.osv.dev)' },
  { name: 'cache-dir', type: 'string', value: '<dir>', description: 'Offline mirror location (default: $RAMPART_CACHE_DIR or the user cache dir)' },
  { name: 'ignore-unfixed', type: 'boolean', description: 'Leave out vulnerabilities that no released version fixes' },
];

export function sourceChoiceFrom(args: ParsedArgs): VulnSourceChoice {
  const osvUrl = stringOpt(args, 'osv-url');
  const cacheDir = stringOpt(args, 'cache-dir');
  return {
    offline: boolOpt(args, 'offline') ?? false,
    ignoreUnfixed: boolOpt(args, 'ignore-unfixed') ?? false,
    ...(osvUrl ? { osvUrl } : {}),
    ...(cacheDir ? { cacheDir } : {}),
  };
}

const options = [...VULN_SOURCE_OPTIONS, CONFIG_OPTION, ...GATE_OPTIONS, ...OUTPUT_OPTIONS, JSON_OPTION];

export const depsCommand: Command = {
  name: 'deps',
  summary: 'Known vulnerabilities in the lockfiles and installed packages under a path (OSV)',
  usage: 'rampart deps [options] [path]',
  description:
    'Inventories every lockfile, manifest and installed package under the path (the SBOM catalogers) and matches\n' +
    'them against OSV with each ecosystem\'s own version order: online through the osv.dev API, or --offline from\n' +
    'the mirror `rampart db pull` keeps. Writes the GitLab dependency_scanning report and every other output.',
  options,
  async run(argv, deps) {
    const args = parseCommandArgs('deps', argv, options);
    if (args.positionals.length > 1) throw new UserError('give one path to scan', { field: 'path', expected: 'a single directory' });
    const outcome = await runDepsRequest({ path: args.positionals[0] ?? '.', flags: flagsFrom(args), ...sourceChoiceFrom(args) }, deps);
    return printOutcome(outcome, args, deps);
  },
};
