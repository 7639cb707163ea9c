import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import schema from '../../schema/spdx-2.3.schema.json' with { type: 'json' };
import { SPDX_ID_PATTERN } from './ids.js';

// Compiled on first use, once per process; nothing happens on import.
let compiled: ValidateFunction | undefined;

function schemaValidator(): ValidateFunction {
  if (compiled === undefined) {
    // The schema declares draft-07, Ajv's default dialect, and compiles in strict mode.
    const ajv = new Ajv({ allErrors: true });
    addFormats(ajv);
    compiled = ajv.compile(schema);
  }
  return compiled;
}

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? 'invalid'} ${JSON.stringify(e.params)}`);
}

interface Element {
  SPDXID?: unknown;
}
interface Relationship {
  spdxElementId?: unknown;
  relatedSpdxElement?: unknown;
}

/**
 * What the schema cannot say but the spec does: ids match the idstring production and are unique, and relationships
 * only name elements of the document (NONE and NOASSERTION aside).
 */
function semanticErrors(doc: Record<string, unknown>): string[] {
  const errors: string[] = [];
  const ids = new Set<string>(['SPDXRef-DOCUMENT']);
  const elements = [...asArray<Element>(doc['packages']), ...asArray<Element>(doc['files']), ...asArray<Element>(doc['snippets'])];
  for (const e of elements) {
    if (typeof e.SPDXID !== 'string') continue;
    if (!SPDX_ID_PATTERN.test(e.SPDXID)) errors.push(`${e.SPDXID}: not a valid SPDX identifier (SPDXRef-[A-Za-z0-9.-]+)`);
    if (ids.has(e.SPDXID)) errors.push(`${e.SPDXID}: used by more than one element`);
    ids.add(e.SPDXID);
  }
  asArray<Relationship>(doc['relationships']).forEach((r, i) => {
    for (const id of [r.spdxElementId, r.relatedSpdxElement]) {
      if (typeof id === 'string' && !ids.has(id) && id !== 'NONE' && id !== 'NOASSERTION' && !id.startsWith('DocumentRef-')) {
        errors.push(`/relationships/${i}: ${id} is not an element of this document`);
      }
    }
  });
  return errors;
}

function asArray<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

/** Errors of an SPDX 2.3 JSON document against the official schema and the spec's id rules; empty when valid. */
export function validateSpdx(json: string): string[] {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (e) {
    return [`not JSON: ${(e as Error).message}`];
  }
  const validate = schemaValidator();
  const errors = validate(doc) ? [] : describe(validate.errors);
  if (typeof doc === 'object' && doc !== null && !Array.isArray(doc)) errors.push(...semanticErrors(doc as Record<string, unknown>));
  return errors;
}
