import { ServiceError, UserError } from '@rampart/core';
import type { CliDeps } from './deps.js';
import { EXIT } from './exit-codes.js';
import { VERSION } from './version.js';
import { COMMANDS, commandHelp, mainHelp } from './commands/index.js';

/**
 * Runs one CLI invocation and returns its exit code. The only place errors become exit codes:
 * a UserError is the user's to fix (2), a ServiceError is a failed scanner or service (3), and
 * anything else is a bug that keeps its stack (3).
 */
export async function main(argv: string[], deps: CliDeps): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    deps.stdout(mainHelp());
    return name === undefined ? EXIT.badInput : EXIT.ok;
  }
  if (name === '--version' || name === '-V') {
    deps.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    deps.stderr(`rampart: unknown command "${name}" (expected one of: ${COMMANDS.map((c) => c.name).join(', ')})\n`);
    return EXIT.badInput;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    deps.stdout(commandHelp(command));
    return EXIT.ok;
  }
  try {
    return await command.run(rest, deps);
  } catch (err) {
    return reportError(err, deps);
  }
}



function reportError(err: unknown, deps: CliDeps): number {
  if (err instanceof UserError) {
    deps.stderr(`rampart: error: ${err.message}\n`);
    return EXIT.badInput;
  }
  if (err instanceof ServiceError) {
    deps.stderr(`rampart: failed: ${err.message}\n`);
    return EXIT.failure;
  }
  const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
  deps.stderr(`rampart: internal error (please report this): ${detail}\n`);
  return EXIT.failure;
}
