import type { SarifResult } from './schema.js';

/**
 * A hand-written twin of `resultSchema` for the hot path: a SARIF log can hold 100,000 results, and
 * zod's generic walk (with a copy of every object) cost more than all the rest of reading them.
 * It answers only "would the schema accept this?"; the schema stays the reference, gives the error
 * message for a rejected result, and check.test.ts holds both to the same answers.
 *
 * Rules mirrored from zod 4: a loose object is any non-null, non-array object; a record is a plain
 * object; a number is finite; `nullish` admits null and undefined.
 */

type Check = (v: unknown) => boolean;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isPlain(v: unknown): boolean {
  if (!isObject(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

const absent = (v: unknown): boolean => v === undefined || v === null;
const optStr: Check = (v) => absent(v) || typeof v === 'string';
const optNum: Check = (v) => absent(v) || (typeof v === 'number' && Number.isFinite(v));
const optRecord: Check = (v) => absent(v) || isPlain(v);

function optArray(item: Check): Check {
  return (v) => {
    if (absent(v)) return true;
    if (!Array.isArray(v)) return false;
    for (const x of v as unknown[]) if (!item(x)) return false;
    return true;
  };
}

/** A nullish loose object whose listed fields each pass their check. */
function optObject(fields: Readonly<Record<string, Check>>): Check {
  const list = Object.entries(fields);
  return (v) => {
    if (absent(v)) return true;
    if (!isObject(v)) return false;
    for (const [key, check] of list) if (!check(v[key])) return false;
    return true;
  };
}

const anyArray: Check = (v) => absent(v) || Array.isArray(v);
const message = optObject({ text: optStr, markdown: optStr, id: optStr, arguments: anyArray });
const artifactLocation = optObject({ uri: optStr, uriBaseId: optStr, index: optNum });
const region = optObject({
  startLine: optNum,
  endLine: optNum,
  startColumn: optNum,
  endColumn: optNum,
  snippet: optObject({ text: optStr }),
});
const location = optObject({ physicalLocation: optObject({ artifactLocation, region }), message });
const threadFlow = optObject({ locations: optArray(optObject({ location })) });
const codeFlow = optObject({ threadFlows: optArray(threadFlow) });
const rule = optObject({ id: optStr, index: optNum, toolComponent: optObject({ index: optNum, name: optStr }) });
const suppression = optObject({ kind: optStr, status: optStr, justification: optStr });

const result = optObject({
  ruleId: optStr,
  ruleIndex: optNum,
  rule,
  kind: optStr,
  level: optStr,
  message,
  locations: optArray(location),
  codeFlows: optArray(codeFlow),
  suppressions: optArray(suppression),
  properties: optRecord,
});

/** True when `resultSchema` would accept `v`; the value is then usable as a `SarifResult` as it is. */
export function isSarifResult(v: unknown): v is SarifResult {
  // The schema's top level is not nullish: a result must be an object.
  return isObject(v) && result(v);
}
