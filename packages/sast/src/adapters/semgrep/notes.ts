import { errorEntries, recordOf, textOf } from '../notes.js';

/** Semgrep lists rule and parse errors under `errors`; a file it could not parse was partly or not scanned. */
export function semgrepNotes(doc: unknown, relPath: (path: string) => string): string[] {
  return errorEntries(doc).map((e) => {
    const raw = textOf(e['path']) ?? textOf(recordOf(e['location'])?.['path']);
    const path = raw ? relPath(raw) : undefined;
    const message = textOf(e['message'])?.split('\n')[0] ?? textOf(e['type']) ?? 'unknown error';
    return `${textOf(e['level']) ?? 'error'}${path ? ` in ${path}` : ''}: ${message}`;
  });
}
