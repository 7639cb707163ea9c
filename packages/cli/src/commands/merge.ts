import { parseCommandArgs } from '../args.js';
import { runAndPrint, flagsFrom } from './report.js';
import { CONFIG_OPTION, GATE_OPTIONS, JSON_OPTION, OUTPUT_OPTIONS } from './common-options.js';
import type { Command } from './types.js';

const options = [CONFIG_OPTION, ...GATE_OPTIONS, ...OUTPUT_OPTIONS, JSON_OPTION] as const;

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
    return runAndPrint(
      { inputs: args.positionals, flags: flagsFrom(args), format: 'rampart', scanner: 'merged' },
      args,
      deps,
    );
  },
};
