import { errorEntries, textOf } from '../notes.js';

/** Bandit lists files it could not parse under `errors`; their issues are missing from the results. */
export function banditNotes(doc: unknown, relPath: (path: string) => string): string[] {
  return errorEntries(doc).map((e) => `${relPathOr(textOf(e['filename']), relPath)} was not scanned: ${textOf(e['reason']) ?? 'unknown error'}`);
}

function relPathOr(path: string | undefined, relPath: (path: string) => string): string {
  return path ? relPath(path) : 'a file';
}
