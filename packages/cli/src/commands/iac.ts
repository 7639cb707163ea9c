import { UserError } from '@rampart/core';
import { parseCommandArgs } from '../args.js';
import { runIacRequest } from '../pipeline/run-iac.js';
import { CONFIG_OPTION, GATE_OPTIONS, JSON_OPTION, OUTPUT_OPTIONS } from './common-options.js';
import { flagsFrom, printOutcome } from './report.js';
import type { Command } from './types.js';

const options = [CONFIG_OPTION, ...GATE_OPTIONS, ...OUTPUT_OPTIONS, JSON_OPTION] as const;

export const iacCommand: Command = {
  name: 'iac',
  summary: 'Find misconfigurations in Dockerfiles, Kubernetes manifests, Terraform and CI pipeline files',
  usage: 'rampart iac [options] [path]',
  description:
    'Walks the path (or reads one file) for Dockerfiles, Kubernetes manifests, Terraform (*.tf), GitHub workflows\n' +
    'and action.yml files, .gitlab-ci.yml and GitLab components, and reports misconfigurations with file and line.\n' +
    'GitLab gets them in the SAST report, as its own IaC scanning does. A file that does not parse is skipped\n' +
    'with a warning naming its line; the rest of the scan goes on.',
  options,
  async run(argv, deps) {
    const args = parseCommandArgs('iac', argv, options);
    if (args.positionals.length > 1) {
      throw new UserError('give one path to scan', { field: 'path', expected: 'a single directory or file' });
    }
    const outcome = await runIacRequest({ path: args.positionals[0] ?? '.', flags: flagsFrom(args) }, deps);
    return printOutcome(outcome, args, deps);
  },
};
