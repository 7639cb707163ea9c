import { parseCommandArgs } from '../args.js';
import { runAndPrint, flagsFrom } from './report.js';
import { CONFIG_OPTION, GATE_OPTIONS, JSON_OPTION } from './common-options.js';
import type { Command } from './types.js';

const options = [CONFIG_OPTION, ...GATE_OPTIONS, JSON_OPTION] as const;

export const gateCommand: Command = {
  name: 'gate',
  summary: 'Evaluate the policy gate on findings without writing reports',
  usage: 'rampart gate [options] <findings.json|report...>',
  description:
    'Applies suppressions and the baseline to the findings in the given files and exits 1 when the gate fails.\n' +
    'Writes nothing; use it after `rampart merge` or against a findings.json kept from an earlier job.',
  options,
  async run(argv, deps) {
    const args = parseCommandArgs('gate', argv, options);
    return runAndPrint({ inputs: args.positionals, flags: flagsFrom(args), dryRun: true }, args, deps);
  },
};
