import { UserError } from '@rampart/core';
import { boolOpt, parseCommandArgs, stringOpt, type OptionSpec, type ParsedArgs } from '../args.js';
import { runDastRequest, type DastRequest, type EngineChoice } from '../pipeline/run-dast.js';
import { CONFIG_OPTION, GATE_OPTIONS, JSON_OPTION, OUTPUT_OPTIONS } from './common-options.js';
import { flagsFrom, printOutcome } from './report.js';
import type { Command } from './types.js';

export const DAST_OPTIONS: readonly OptionSpec[] = [
  { name: 'target', type: 'string', value: '<url>', description: 'The running web app to scan (required); its origin is the scope' },
  { name: 'mode', type: 'string', value: '<mode>', description: 'baseline (crawl + passive, default), full (+ safe active checks) or api (OpenAPI)' },
  { name: 'engine', type: 'string', value: '<e>', description: 'auto (ZAP when --zap-url or ZAP_URL is set, else built-in; default), zap or builtin' },
  { name: 'zap-url', type: 'string', value: '<url>', description: 'A running ZAP daemon (default: $ZAP_URL)' },
  { name: 'zap-api-key', type: 'string', value: '<key>', description: "ZAP's API key (default: $ZAP_API_KEY)" },
  { name: 'rules', type: 'string', value: '<file>', description: 'ZAP rules.tsv: <plugin id> TAB IGNORE|WARN|FAIL TAB comment' },
  { name: 'openapi', type: 'string', value: '<url|file>', description: 'OpenAPI definition (api mode; also seeds the built-in crawler)' },
  { name: 'header', type: 'string', multiple: true, value: '<h>', description: 'Send this header with every request, e.g. "Authorization: Bearer ..." (repeatable)' },
  { name: 'include', type: 'string', multiple: true, value: '<re>', description: 'Only URLs matching this regex (repeatable; never other origins)' },
  { name: 'exclude', type: 'string', multiple: true, value: '<re>', description: 'Never request URLs matching this regex (repeatable), e.g. logout' },
  { name: 'max-duration', type: 'string', value: '<s>', description: 'Stop after this many seconds (default: 600)' },
  { name: 'max-depth', type: 'string', value: '<n>', description: 'Crawl depth (default: 5)' },
  { name: 'max-children', type: 'string', value: '<n>', description: 'Links followed per page (default: 50)' },
  { name: 'budget', type: 'string', value: '<n>', description: 'Built-in engine: most requests to send (default: 5000)' },
  { name: 'rate', type: 'string', value: '<n>', description: 'Built-in engine: requests per second (default: 20)' },
  { name: 'concurrency', type: 'string', value: '<n>', description: 'Built-in engine: requests in flight (default: 4)' },
  { name: 'ajax-spider', type: 'boolean', description: 'ZAP: run the AJAX spider too' },
];

function intOpt(args: ParsedArgs, name: string, fallback: number, min = 1): number {
  const raw = stringOpt(args, name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min) throw new UserError(`bad value "${raw}"`, { field: `--${name}`, expected: `a number of at least ${min}` });
  return n;
}

function oneOf<T extends string>(args: ParsedArgs, name: string, values: readonly T[], fallback: T): T {
  const raw = stringOpt(args, name);
  if (raw === undefined) return fallback;
  if ((values as readonly string[]).includes(raw)) return raw as T;
  throw new UserError(`unknown value "${raw}"`, { field: `--${name}`, expected: values.join(', ') });
}

function list(args: ParsedArgs, name: string): string[] {
  const v = args.values[name];
  return Array.isArray(v) ? v : [];
}

/** The DAST part of a request from parsed flags; `rampart scan --target` uses it too. */
export function dastRequestFrom(args: ParsedArgs, target: string): DastRequest {
  const zapUrl = stringOpt(args, 'zap-url');
  const zapApiKey = stringOpt(args, 'zap-api-key');
  const rulesFile = stringOpt(args, 'rules');
  const openapi = stringOpt(args, 'openapi');
  return {
    target,
    mode: oneOf(args, 'mode', ['baseline', 'full', 'api'] as const, 'baseline'),
    engine: oneOf<EngineChoice>(args, 'engine', ['auto', 'zap', 'builtin'], 'auto'),
    ...(zapUrl ? { zapUrl } : {}),
    ...(zapApiKey ? { zapApiKey } : {}),
    ...(rulesFile ? { rulesFile } : {}),
    ...(openapi ? { openapi } : {}),
    headers: list(args, 'header'),
    include: list(args, 'include'),
    exclude: list(args, 'exclude'),
    maxDurationSeconds: intOpt(args, 'max-duration', 600),
    maxDepth: intOpt(args, 'max-depth', 5, 0),
    maxChildren: intOpt(args, 'max-children', 50),
    requestBudget: intOpt(args, 'budget', 5000),
    requestsPerSecond: intOpt(args, 'rate', 20),
    concurrency: intOpt(args, 'concurrency', 4),
    ajaxSpider: boolOpt(args, 'ajax-spider') ?? false,
    flags: flagsFrom(args),
  };
}

const options = [...DAST_OPTIONS, CONFIG_OPTION, ...GATE_OPTIONS, ...OUTPUT_OPTIONS, JSON_OPTION];

export const dastCommand: Command = {
  name: 'dast',
  summary: 'Scan a running web app with OWASP ZAP, or the built-in engine when no ZAP is given',
  usage: 'rampart dast --target <url> [options]',
  description:
    'Drives a running ZAP daemon through its API (--zap-url/ZAP_URL with --zap-api-key/ZAP_API_KEY), or crawls the\n' +
    'target with the built-in engine: passive checks always, safe active checks in full mode. No request leaves\n' +
    "the target's origin. Writes the GitLab dast report (with scanned resources), SARIF with URL locations and\n" +
    "ZAP's own JSON report (zap-report.json). A target that is down is exit 3.",
  options,
  async run(argv, deps) {
    const args = parseCommandArgs('dast', argv, options);
    const target = stringOpt(args, 'target');
    if (!target) throw new UserError('no target', { field: '--target', expected: 'the URL of the running app, e.g. http://127.0.0.1:3000/' });
    if (args.positionals.length > 0) throw new UserError(`unexpected argument "${args.positionals[0] ?? ''}"`, { field: 'command line', expected: '--target <url>' });
    return printOutcome(await runDastRequest(dastRequestFrom(args, target), deps), args, deps);
  },
};
