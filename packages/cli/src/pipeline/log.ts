import type { Logger } from '@rampart/core';
import type { CliDeps } from '../deps.js';

/** A scanner's log for the CLI: warnings and errors to stderr, progress only when stderr is a terminal. */
export function cliLogger(deps: CliDeps): Logger {
  const line = (prefix: string) => (m: string) => deps.stderr(`${prefix}${m}\n`);
  return { debug() {}, info: deps.isTTY ? line('rampart: ') : () => {}, warn: line('rampart: warning: '), error: line('rampart: error: ') };
}
