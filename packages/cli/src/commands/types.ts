import type { OptionSpec } from '../args.js';
import type { CliDeps } from '../deps.js';

/** One CLI command; every command is registered in commands/index.ts. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  description: string;
  options: readonly OptionSpec[];
  run(argv: string[], deps: CliDeps): Promise<number>;
}
