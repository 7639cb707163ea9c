import { UserError } from '@rampart/core';
import { parseCommandArgs, stringOpt } from '../args.js';
import { gitlabTypesOf } from '../pipeline/run-scan.js';
import { reportFlagsFrom, runAndPrint } from './report.js';
import { BASELINE_FROM_OPTIONS, CONFIG_OPTION, GATE_OPTIONS, JSON_OPTION, OUTPUT_OPTIONS } from './common-options.js';
import type { Command } from './types.js';

const options = [
  {
    name: 'scanner',
    type: 'string',
    value: '<name>',
    description: 'Name the outputs after this scanner (sast, secrets, scan, ...; default: merged)',
  },
  CONFIG_OPTION,
  ...GATE_OPTIONS,
  ...BASELINE_FROM_OPTIONS,
  ...OUTPUT_OPTIONS,
  JSON_OPTION,
] as const;

export const mergeCommand: Command = {
  name: 'merge',
  summary: 'Join findings.json files from several jobs or shards into one set of reports',
  usage: 'rampart merge [options] <findings.json...>',
  description:
    'Reads findings.json files (from parallel jobs, `--shard` runs or several scanners), keeps their fingerprints,\n' +
    'dedupes, applies suppressions, baseline and gate, and writes every output once.',
  options,
  async run(argv, deps) {
    const args = parseCommandArgs('merge', argv, options);
    const scanner = stringOpt(args, 'scanner') ?? 'merged';
    if (!/^[a-z][a-z0-9-]*$/.test(scanner)) {
      throw new UserError(`bad scanner name "${scanner}"`, { field: '--scanner', expected: 'a lowercase name such as sast' });
    }
    const types = gitlabTypesOf(scanner);
    const flags = await reportFlagsFrom(args, deps);
    return runAndPrint(
      { inputs: args.positionals, flags, format: 'rampart', scanner, ...(types ? { gitlabReportTypes: types } : {}) },
      args,
      deps,
    );
  },
};
