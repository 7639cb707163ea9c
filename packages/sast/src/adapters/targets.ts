import type { AdapterArgsContext } from './types.js';

/**
 * What a tool scans: the given files, or the root. `runAdapters` makes every path absolute first, so
 * a file named `-rf.py` reaches the tool as `/repo/-rf.py` and can never be read as an option.
 */
export function targetsOf(ctx: AdapterArgsContext): string[] {
  return ctx.files && ctx.files.length > 0 ? [...ctx.files] : [ctx.root];
}

/** Accepts exit 0, and 1 for tools that exit 1 to say "found something"; a report must still be written. */
export function zeroOrOne(code: number): boolean {
  return code === 0 || code === 1;
}
