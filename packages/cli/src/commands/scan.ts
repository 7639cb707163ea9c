import { UserError } from '@rampart/core';
import { boolOpt, parseCommandArgs, stringOpt, type OptionSpec, type ParsedArgs } from '../args.js';
import type { CliDeps } from '../deps.js';
import type { DastRequest } from '../pipeline/run-dast.js';
import { runScanRequest, type ScanKind, type ScanRequest } from '../pipeline/run-scan.js';
import { scanExtras, type ScanExtrasRequest } from '../pipeline/scan-extras.js';
import { CONFIG_OPTION, GATE_OPTIONS, JSON_OPTION, OUTPUT_OPTIONS } from './common-options.js';
import { DAST_OPTIONS, dastRequestFrom } from './dast.js';
import { VULN_SOURCE_OPTIONS, sourceChoiceFrom } from './deps.js';
import { flagsFrom, printOutcome } from './report.js';
import type { Command } from './types.js';

const SCAN_OPTIONS: readonly OptionSpec[] = [
  { name: 'rules', type: 'string', multiple: true, value: '<dir>', description: 'More rule files or directories (repeatable)' },
  { name: 'only', type: 'string', value: '<ids>', description: 'Run only these rules: comma-separated ids or id prefixes (js, py.sql)' },
  { name: 'no-builtin-rules', type: 'boolean', description: 'Run only the rules given with --rules' },
  { name: 'exclude', type: 'string', multiple: true, value: '<glob>', description: 'Skip matching paths (repeatable), on top of .gitignore and .rampartignore' },
  { name: 'include', type: 'string', multiple: true, value: '<glob>', description: 'Scan only matching paths (repeatable)' },
  { name: 'shard', type: 'string', value: '<i/n>', description: 'Scan shard i of n (1-based); join the shards with `rampart merge`' },
  { name: 'changed-since', type: 'string', value: '<ref>', description: 'Scan only files changed since this git ref (pull requests)' },
  { name: 'changed-lines-only', type: 'boolean', description: 'With --changed-since: report only findings on changed lines' },
  {
    name: 'with',
    type: 'string',
    value: '<tools>',
    description: 'Also run these tools when on PATH and merge their findings: bandit, semgrep, eslint, gitleaks',
  },
  { name: 'semgrep-config', type: 'string', multiple: true, value: '<config>', description: 'Config for --with semgrep (repeatable)' },
  {
    name: 'history-since',
    type: 'string',
    value: '<ref>',
    description: "Secrets: also scan lines added to git history since this ref ('' for the whole history)",
  },
];

interface Flavor {
  name: ScanKind;
  summary: string;
}

function list(args: ParsedArgs, name: string): string[] {
  const v = args.values[name];
  return Array.isArray(v) ? v : [];
}

async function runScan(flavor: Flavor, argv: string[], deps: CliDeps, options: readonly OptionSpec[]): Promise<number> {
  const args = parseCommandArgs(flavor.name, argv, options);
  if (args.positionals.length > 1) {
    throw new UserError('give one path to scan', { field: 'path', expected: 'a single directory' });
  }
  const only = stringOpt(args, 'only');
  const shard = stringOpt(args, 'shard');
  const changedSince = stringOpt(args, 'changed-since');
  const historySince = stringOpt(args, 'history-since');
  const withTools = stringOpt(args, 'with');
  const req: ScanRequest = {
    scanner: flavor.name,
    path: args.positionals[0] ?? '.',
    flags: flagsFrom(args),
    builtinRules: !boolOpt(args, 'no-builtin-rules'),
    ruleDirs: list(args, 'rules'),
    only: only ? only.split(',').map((s) => s.trim()).filter(Boolean) : [],
    exclude: list(args, 'exclude'),
    include: list(args, 'include'),
    changedLinesOnly: boolOpt(args, 'changed-lines-only') ?? false,
    ...(shard ? { shard } : {}),
    ...(changedSince ? { changedSince } : {}),
    ...(historySince !== undefined ? { historySince } : {}),
    ...(withTools ? { with: withTools.split(',').map((s) => s.trim()).filter(Boolean) } : {}),
    ...(flavor.name === 'scan' ? { extras: scanExtras(extrasOf(args)) } : {}),
    ...(list(args, 'semgrep-config').length > 0 ? { semgrepConfig: list(args, 'semgrep-config') } : {}),
  };
  if (deps.isTTY) deps.stderr(`rampart: scanning ${req.path}...\n`);
  return printOutcome(await runScanRequest(req, deps), args, deps);
}

// `scan` takes the DAST flags too; the SAST ones of the same name (--rules, --include, --exclude) keep their SAST meaning.
const SCAN_OPTION_NAMES = new Set(SCAN_OPTIONS.map((o) => o.name));

const IAC_SWITCH: OptionSpec = {
  name: 'no-iac',
  type: 'boolean',
  description: 'Do not scan Dockerfiles, Kubernetes manifests, Terraform and CI files',
};

const IMAGE_OPTION: OptionSpec = {
  name: 'image',
  type: 'string',
  value: '<ref>',
  description: 'Also scan this container image (local Docker engine or registry); `rampart container` has all the options',
};

const DEPS_SWITCH: OptionSpec = {
  name: 'deps',
  type: 'boolean',
  description: 'Match the packages against OSV (osv.dev, or the mirror with --offline); without it only a pulled mirror is used',
};

const SBOM_SWITCH: OptionSpec = {
  name: 'no-sbom',
  type: 'boolean',
  description: 'Do not inventory packages or write sbom.cdx.json and sbom.spdx.json',
};

function extrasOf(args: ParsedArgs): ScanExtrasRequest {
  const target = stringOpt(args, 'target');
  const image = stringOpt(args, 'image');
  return {
    iac: !boolOpt(args, 'no-iac'),
    sbom: !boolOpt(args, 'no-sbom'),
    deps: { explicit: boolOpt(args, 'deps') ?? false, ...sourceChoiceFrom(args) },
    ...(image ? { image } : {}),
    ...(target ? { dast: scanDast(args, target) } : {}),
  };
}

/** Under `scan`, --rules, --include and --exclude are SAST's (globs, rule packs), so DAST uses its defaults for them. */
function scanDast(args: ParsedArgs, target: string): DastRequest {
  const { rulesFile: _rulesFile, ...req } = dastRequestFrom(args, target);
  return { ...req, include: [], exclude: [] };
}

function scanCommand(flavor: Flavor, description: string): Command {
  const options = [
    ...SCAN_OPTIONS,
    ...(flavor.name === 'scan'
      ? [IAC_SWITCH, SBOM_SWITCH, DEPS_SWITCH, IMAGE_OPTION, ...VULN_SOURCE_OPTIONS, ...DAST_OPTIONS.filter((o) => !SCAN_OPTION_NAMES.has(o.name))]
      : []),
    CONFIG_OPTION,
    ...GATE_OPTIONS,
    ...OUTPUT_OPTIONS,
    JSON_OPTION,
  ];
  return {
    name: flavor.name,
    summary: flavor.summary,
    usage: `rampart ${flavor.name} [options] [path]`,
    description,
    options,
    run: (argv, deps) => runScan(flavor, argv, deps, options),
  };
}

export const sastCommand = scanCommand(
  { name: 'sast', summary: 'Static analysis of source code with the built-in and your rule packs' },
  'Scans JavaScript, TypeScript, Python, Java, Go, Ruby and PHP files under the path with ast-grep rules\n' +
    '(structural and taint), honouring .gitignore and .rampartignore, and writes every output.',
);

export const secretsCommand = scanCommand(
  { name: 'secrets', summary: 'Find credentials and keys committed to the tree' },
  'Scans every text file under the path for provider credentials (AWS, GitHub, GitLab, Slack, Stripe, ...)\n' +
    'and high-entropy secrets assigned to secret-like names. Secrets are never printed: reports carry a redacted form.',
);

export const scanAllCommand = scanCommand(
  { name: 'scan', summary: 'Run every scanner that applies: SAST, secrets, IaC, the SBOM, dependencies, and DAST with --target' },
  'Runs SAST, secret detection and IaC checks on the path, inventories its packages into sbom.cdx.json and\n' +
    'sbom.spdx.json (with license-policy findings), scans the running app at --target with DAST (the dast\n' +
    'flags apply), and writes one set of outputs.',
);
