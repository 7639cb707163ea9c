import { isAbsolute, relative, resolve } from 'node:path';
import {
  DEFAULT_CONFIG,
  UserError,
  parseConfig,
  parseFailOn,
  type GateThreshold,
  type IgnoreEntry,
  type RampartConfig,
} from '@rampart/core';
import type { CliDeps } from '../deps.js';

export const OUTPUT_FORMATS = ['sarif', 'gitlab', 'codequality', 'junit', 'markdown', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Flags as the CLI or an action hands them over; unset means "take the config file's value". */
export interface SettingFlags {
  config?: string;
  failOn?: string;
  newOnly?: boolean;
  baseline?: string;
  outDir?: string;
  formats?: string;
  category?: string;
  /**
   * Where the baseline came from ("findings.json of run 4711 on main (2026-11-28)"), or why there is
   * none; shown in the summary under the gate verdict. Set by the CI glue that fetched the baseline.
   */
  baselineSource?: string;
}

export interface Settings {
  configFile: string | undefined;
  failOn: GateThreshold;
  newOnly: boolean;
  baseline: string | undefined;
  outDir: string;
  formats: OutputFormat[];
  ignores: IgnoreEntry[];
  category: string | undefined;
  /** See `SettingFlags.baselineSource`. */
  baselineSource: string | undefined;
  /** `license-policy` of the config file: SPDX ids allowed or denied in dependencies. */
  licensePolicy: { allow: string[]; deny: string[] } | undefined;
}

const DEFAULT_CONFIG_FILE = '.rampart.yml';

function loadConfig(flags: SettingFlags, deps: CliDeps): { config: RampartConfig; file: string | undefined } {
  const explicit = flags.config;
  const file = explicit ?? DEFAULT_CONFIG_FILE;
  const full = isAbsolute(file) ? file : resolve(deps.cwd, file);
  if (!deps.exists(full)) {
    if (explicit) throw new UserError('config file not found', { file: explicit, expected: 'a .rampart.yml file' });
    return { config: DEFAULT_CONFIG, file: undefined };
  }
  return { config: parseConfig(deps.readFile(full), file), file };
}

export function parseFormats(value: string, field: string): OutputFormat[] {
  const items = value
    .split(/[,\s]+/)
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s.length > 0);
  for (const item of items) {
    if (!(OUTPUT_FORMATS as readonly string[]).includes(item)) {
      throw new UserError(`unknown output format "${item}"`, { field, expected: `one of ${OUTPUT_FORMATS.join(', ')}` });
    }
  }
  if (items.length === 0) throw new UserError('no output format given', { field, expected: OUTPUT_FORMATS.join(', ') });
  return [...new Set(items)] as OutputFormat[];
}

/** Flags override the config file, which overrides the defaults (DESIGN.md). */
export function resolveSettings(flags: SettingFlags, deps: CliDeps): Settings {
  const { config, file } = loadConfig(flags, deps);
  const failOn =
    flags.failOn !== undefined
      ? parseFailOn(flags.failOn, { field: '--fail-on' })
      : (config.gate?.['fail-on'] ?? 'high');
  const formats = flags.formats
    ? parseFormats(flags.formats, '--formats')
    : ((config.output?.formats as OutputFormat[] | undefined) ?? [...OUTPUT_FORMATS]);
  return {
    configFile: file,
    failOn,
    newOnly: flags.newOnly ?? config.gate?.['new-only'] ?? false,
    baseline: flags.baseline ?? config.baseline,
    outDir: flags.outDir ?? config.output?.dir ?? 'rampart-reports',
    formats,
    ignores: config.ignore ?? [],
    category: flags.category,
    baselineSource: flags.baselineSource,
    licensePolicy: config['license-policy'],
  };
}

export function absoluteOutDir(outDir: string, deps: CliDeps): string {
  return isAbsolute(outDir) ? outDir : resolve(deps.cwd, outDir);
}

/** Leaves the output directory out of an inventory walk, so an earlier run's SBOMs are not read as input. */
export function outsideOutDir(root: string, outDir: string): (path: string) => boolean {
  const outRel = relative(root, outDir).split('\\').join('/');
  const inside = outRel !== '' && !outRel.startsWith('..') && !isAbsolute(outRel);
  return (p) => inside && (p === outRel || p.startsWith(`${outRel}/`));
}
