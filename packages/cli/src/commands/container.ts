import { UserError } from '@rampart/core';
import type { ImageSource } from '@rampart/container';
import { boolOpt, parseCommandArgs, stringOpt, type ParsedArgs } from '../args.js';
import { runContainerRequest } from '../pipeline/run-container.js';
import { CONFIG_OPTION, GATE_OPTIONS, JSON_OPTION, OUTPUT_OPTIONS } from './common-options.js';
import { VULN_SOURCE_OPTIONS, sourceChoiceFrom } from './deps.js';
import { flagsFrom, printOutcome } from './report.js';
import type { Command } from './types.js';

const SOURCES = ['image', 'tar', 'oci-layout', 'rootfs'] as const;

const options = [
  { name: 'image', type: 'string', value: '<ref>', description: 'Image reference: from the local Docker engine when it has it (docker save), else pulled from its registry' },
  { name: 'tar', type: 'string', value: '<file>', description: 'A `docker save` archive or an OCI archive' },
  { name: 'oci-layout', type: 'string', value: '<dir>', description: 'An OCI image layout directory' },
  { name: 'rootfs', type: 'string', value: '<dir>', description: 'An unpacked root filesystem' },
  { name: 'platform', type: 'string', value: '<os/arch>', description: 'Platform of a multi-platform image (default: linux/amd64)' },
  { name: 'ref', type: 'string', value: '<name>', description: 'Which image of an archive or layout that holds several (tag or ref name)' },
  { name: 'sbom', type: 'boolean', description: "Also write the image's SBOM (sbom.cdx.json, sbom.spdx.json)" },
  ...VULN_SOURCE_OPTIONS,
  CONFIG_OPTION,
  ...GATE_OPTIONS,
  ...OUTPUT_OPTIONS,
  JSON_OPTION,
] as const;

function sourceOf(args: ParsedArgs): ImageSource {
  const given = SOURCES.filter((s) => stringOpt(args, s) !== undefined);
  if (given.length !== 1) {
    throw new UserError(given.length === 0 ? 'no image given' : `give one image source, not ${given.map((g) => `--${g}`).join(' and ')}`, {
      field: 'command line',
      expected: 'one of --image <ref>, --tar <file>, --oci-layout <dir>, --rootfs <dir>',
    });
  }
  const kind = given[0] as (typeof SOURCES)[number];
  const value = stringOpt(args, kind) ?? '';
  if (kind === 'image') return { kind: 'registry', reference: value };
  return { kind: kind === 'tar' ? 'archive' : kind, path: value };
}

export const containerCommand: Command = {
  name: 'container',
  summary: "Known vulnerabilities in an image's OS and language packages (OSV)",
  usage: 'rampart container --image <ref> | --tar <file> | --oci-layout <dir> | --rootfs <dir> [options]',
  description:
    "Reads the image's layers as streams (whiteouts applied, nothing written outside a scratch dir), detects the OS,\n" +
    'catalogs dpkg, apk and rpm packages and every language ecosystem, records the layer of each package, and\n' +
    'matches them against OSV for that distribution release. Writes the GitLab container_scanning report.',
  options,
  async run(argv, deps) {
    const args = parseCommandArgs('container', argv, options);
    if (args.positionals.length > 0) throw new UserError(`unexpected argument "${args.positionals[0] ?? ''}"`, { field: 'command line', expected: '--image, --tar, --oci-layout or --rootfs' });
    const platform = stringOpt(args, 'platform');
    const ref = stringOpt(args, 'ref');
    const outcome = await runContainerRequest(
      {
        source: sourceOf(args),
        sbom: boolOpt(args, 'sbom') ?? false,
        flags: flagsFrom(args),
        ...sourceChoiceFrom(args),
        ...(platform ? { platform } : {}),
        ...(ref ? { ref } : {}),
      },
      deps,
    );
    return printOutcome(outcome, args, deps);
  },
};
