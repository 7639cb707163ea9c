import { UserError } from '@rampart/core';
import { parseAllDocuments } from 'yaml';
import { recordAt, type Json } from './fields.js';

/**
 * The last YAML document of `text` as a plain object. Errors of the `yaml` package (syntax, an alias to an anchor
 * that is not there, an alias bomb) are the file's fault and become a UserError naming it.
 */
export function parseYamlObject(text: string, file: string, expected: string): Json {
  const fail = (message: string) => new UserError(`is not valid YAML: ${message}`, { file, expected });
  let docs: ReturnType<typeof parseAllDocuments>;
  try {
    docs = parseAllDocuments(text, { uniqueKeys: false });
  } catch (err) {
    // The parser itself can give up on pathological input (nesting deeper than its stack).
    throw fail(err instanceof Error ? err.message : String(err));
  }
  if (!Array.isArray(docs)) throw fail('empty document');
  const errors = docs.flatMap((d) => d.errors);
  if (errors.length > 0 || docs.length === 0) throw fail(errors[0]?.message ?? 'empty document');
  // pnpm 10 may put a small lockfile of its own config dependencies first; the project's lockfile is the last one.
  const last = docs[docs.length - 1];
  let value: unknown;
  try {
    value = last?.toJS({ maxAliasCount: 100 });
  } catch (err) {
    throw fail((err as Error).message);
  }
  return recordAt(value, file, '(top level)');
}
