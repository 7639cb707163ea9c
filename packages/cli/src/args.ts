import { parseArgs } from 'node:util';
import { UserError } from '@rampart/core';

export interface OptionSpec {
  name: string;
  type: 'string' | 'boolean';
  description: string;
  /** Shown in help, e.g. `<file>`. */
  value?: string;
  multiple?: boolean;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** Strict parsing: an unknown or malformed flag is a usage error (exit 2), never silently ignored. */
export function parseCommandArgs(command: string, argv: string[], options: readonly OptionSpec[]): ParsedArgs {
  const config = Object.fromEntries(
    options.map((o) => [o.name, { type: o.type, ...(o.multiple ? { multiple: true } : {}) }]),
  ) as Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;
  try {
    const { values, positionals } = parseArgs({ args: argv, options: config, allowPositionals: true, strict: true });
    return { values: values as ParsedArgs['values'], positionals };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new UserError(`${message} (see \`rampart ${command} --help\`)`, { field: 'command line' });
  }
}

export function stringOpt(args: ParsedArgs, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === 'string' ? v : undefined;
}

export function boolOpt(args: ParsedArgs, name: string): boolean | undefined {
  const v = args.values[name];
  return typeof v === 'boolean' ? v : undefined;
}

export function renderOptions(options: readonly OptionSpec[]): string {
  const rows = options.map((o) => [`--${o.name}${o.value ? ` ${o.value}` : ''}`, o.description] as const);
  const width = Math.max(...rows.map(([l]) => l.length), 10) + 2;
  return rows.map(([l, d]) => `  ${l.padEnd(width)}${d}`).join('\n');
}
