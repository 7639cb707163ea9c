import { renderOptions } from '../args.js';
import { gateCommand } from './gate.js';
import { mergeCommand } from './merge.js';
import { formatHelp, reportCommand } from './report.js';
import { containerCommand } from './container.js';
import { dastCommand } from './dast.js';
import { dbCommand } from './db.js';
import { iacCommand } from './iac.js';
import { depsCommand } from './deps.js';
import { sbomCommand } from './sbom.js';
import { sastCommand, scanAllCommand, secretsCommand } from './scan.js';
import type { Command } from './types.js';

export type { Command } from './types.js';

export const COMMANDS: readonly Command[] = [scanAllCommand, sastCommand, secretsCommand, sbomCommand, depsCommand, containerCommand, iacCommand, dastCommand, reportCommand, gateCommand, mergeCommand, dbCommand];

export function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return [
    'Usage: rampart <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    'Run `rampart <command> --help` for the options of a command.',
    'Exit codes: 0 gate passed, 1 gate failed, 2 bad usage, config or input, 3 a scanner or service failed.',
    '',
  ].join('\n');
}

export function commandHelp(c: Command): string {
  const extra = c.name === 'report' ? `\n${formatHelp()}\n` : '';
  return `Usage: ${c.usage}\n\n${c.description}\n\nOptions:\n${renderOptions(c.options)}\n  --help${' '.repeat(8)}Show this help\n${extra}`;
}
