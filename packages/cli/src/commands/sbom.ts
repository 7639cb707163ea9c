import { UserError } from '@rampart/core';
import { parseCommandArgs, stringOpt } from '../args.js';
import { runSbomRequest } from '../pipeline/run-sbom.js';
import { parseSbomFormat, parseSpecVersion } from '../pipeline/sbom-step.js';
import { CONFIG_OPTION, GATE_OPTIONS, JSON_OPTION, OUTPUT_OPTIONS } from './common-options.js';
import { flagsFrom, printOutcome } from './report.js';
import type { Command } from './types.js';

const options = [
  {
    name: 'format',
    type: 'string',
    value: '<fmt>',
    description: 'cyclonedx (sbom.cdx.json), spdx (sbom.spdx.json) or both (default: both)',
  },
  { name: 'spec-version', type: 'string', value: '<v>', description: 'CycloneDX version: 1.6 or 1.5 (default: 1.6)' },
  CONFIG_OPTION,
  ...GATE_OPTIONS,
  ...OUTPUT_OPTIONS,
  JSON_OPTION,
] as const;

export const sbomCommand: Command = {
  name: 'sbom',
  summary: 'Inventory every lockfile and installed package into CycloneDX and SPDX SBOMs',
  usage: 'rampart sbom [options] [path]',
  description:
    'Finds the lockfiles, manifests and installed packages of every ecosystem under the path (npm, pnpm, yarn,\n' +
    'Python, Go, Rust, Ruby, PHP, Java, .NET), writes sbom.cdx.json (CycloneDX) and sbom.spdx.json (SPDX 2.3), both\n' +
    'validated, and checks licenses against `license-policy` in .rampart.yml. SOURCE_DATE_EPOCH fixes the timestamp.',
  options,
  async run(argv, deps) {
    const args = parseCommandArgs('sbom', argv, options);
    if (args.positionals.length > 1) {
      throw new UserError('give one path to inventory', { field: 'path', expected: 'a single directory' });
    }
    const outcome = await runSbomRequest(
      {
        path: args.positionals[0] ?? '.',
        flags: flagsFrom(args),
        format: parseSbomFormat(stringOpt(args, 'format') ?? 'both', '--format'),
        specVersion: parseSpecVersion(stringOpt(args, 'spec-version') ?? '1.6', '--spec-version'),
      },
      deps,
    );
    return printOutcome(outcome, args, deps);
  },
};
