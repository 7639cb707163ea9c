import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mutate, paths } from '../doc-mutation.js';
import { isSarifResult } from './check.js';
import { resultSchema } from './schema.js';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/readers/', import.meta.url));

/** Every result of every SARIF fixture: real producers' shapes to mutate. */
function fixtureResults(): unknown[] {
  const out: unknown[] = [];
  for (const d of readdirSync(FIXTURES, { withFileTypes: true })) {
    if (!d.isDirectory()) continue;
    const file = join(FIXTURES, d.name, 'input.sarif');
    let doc: { runs?: { results?: unknown[] }[] };
    try {
      doc = JSON.parse(readFileSync(file, 'utf8')) as typeof doc;
    } catch {
      continue;
    }
    for (const run of doc.runs ?? []) out.push(...(run.results ?? []));
  }
  return out;
}

const agrees = (v: unknown): void => {
  expect(isSarifResult(v)).toBe(resultSchema.safeParse(v).success);
};

/** Values of every JSON type, plus the ones zod treats specially (non-finite numbers, undefined). */
const anyValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(undefined, null, Number.NaN, Number.POSITIVE_INFINITY, [], {}, '', 0, -1, 1.5, true),
);

/** A result built from the fields the reader uses, each either well-typed or anything at all. */
const field = <T>(good: fc.Arbitrary<T>): fc.Arbitrary<unknown> => fc.oneof({ weight: 4, arbitrary: good }, { weight: 1, arbitrary: anyValue });
const optional = <T>(good: fc.Arbitrary<T>) => fc.option(field(good), { nil: undefined });
const location = fc.record(
  {
    physicalLocation: field(
      fc.record(
        {
          artifactLocation: field(fc.record({ uri: optional(fc.string()), uriBaseId: optional(fc.string()), index: optional(fc.nat()) }, { requiredKeys: [] })),
          region: field(
            fc.record(
              {
                startLine: optional(fc.integer()),
                endLine: optional(fc.integer()),
                startColumn: optional(fc.integer()),
                endColumn: optional(fc.integer()),
                snippet: optional(fc.record({ text: optional(fc.string()) }, { requiredKeys: [] })),
              },
              { requiredKeys: [] },
            ),
          ),
        },
        { requiredKeys: [] },
      ),
    ),
    message: optional(fc.record({ text: optional(fc.string()) }, { requiredKeys: [] })),
  },
  { requiredKeys: [] },
);
const sarifResult = fc.record(
  {
    ruleId: optional(fc.string()),
    ruleIndex: optional(fc.integer()),
    rule: optional(
      fc.record({ id: optional(fc.string()), index: optional(fc.integer()), toolComponent: optional(fc.record({ index: optional(fc.nat()), name: optional(fc.string()) }, { requiredKeys: [] })) }, { requiredKeys: [] }),
    ),
    kind: optional(fc.constantFrom('fail', 'pass', 'review')),
    level: optional(fc.constantFrom('error', 'warning', 'note', 'none')),
    message: optional(fc.record({ text: optional(fc.string()), markdown: optional(fc.string()), id: optional(fc.string()), arguments: optional(fc.array(anyValue)) }, { requiredKeys: [] })),
    locations: optional(fc.array(field(location), { maxLength: 3 })),
    codeFlows: optional(
      fc.array(field(fc.record({ threadFlows: optional(fc.array(field(fc.record({ locations: optional(fc.array(field(fc.record({ location: field(location) }, { requiredKeys: [] })), { maxLength: 3 })) }, { requiredKeys: [] })), { maxLength: 2 })) }, { requiredKeys: [] })), { maxLength: 2 }),
    ),
    suppressions: optional(fc.array(field(fc.record({ kind: optional(fc.string()), status: optional(fc.string()), justification: optional(fc.string()) }, { requiredKeys: [] })), { maxLength: 2 })),
    properties: optional(fc.dictionary(fc.string(), anyValue, { maxKeys: 3 })),
  },
  { requiredKeys: [] },
);

describe('isSarifResult', () => {
  it('accepts every result of the SARIF fixtures, as the schema does', () => {
    const results = fixtureResults();
    expect(results.length).toBeGreaterThan(10);
    for (const r of results) {
      expect(isSarifResult(r)).toBe(true);
      agrees(r);
    }
  });

  it('agrees with the schema on arbitrary values', () => {
    fc.assert(fc.property(anyValue, agrees), { numRuns: 2000 });
  });

  it('agrees with the schema on generated results, well-typed or not in any field', () => {
    fc.assert(fc.property(sarifResult, agrees), { numRuns: 3000 });
  });

  it('agrees with the schema when any value inside a real result is replaced', () => {
    const results = fixtureResults();
    const cases = results.flatMap((r) => paths(r).map((p) => ({ r, p })));
    fc.assert(
      fc.property(fc.constantFrom(...cases), anyValue, ({ r, p }, v) => agrees(mutate(r, p, v))),
      { numRuns: 3000 },
    );
  });

  it('rejects the wrong type in each field the reader relies on', () => {
    const bad: unknown[] = [
      { ruleId: 1 },
      { ruleIndex: '0' },
      { ruleIndex: Number.POSITIVE_INFINITY },
      { rule: [] },
      { rule: { toolComponent: { index: 'x' } } },
      { message: { arguments: {} } },
      { locations: {} },
      { locations: [{ physicalLocation: { region: { startLine: '3' } } }] },
      { locations: [{ physicalLocation: { artifactLocation: { uri: 5 } } }] },
      { locations: [{ physicalLocation: { region: { snippet: { text: [] } } } }] },
      { codeFlows: [{ threadFlows: [{ locations: [{ location: 3 }] }] }] },
      { suppressions: [{ status: false }] },
      { properties: [] },
      [],
      null,
      'result',
    ];
    for (const v of bad) {
      expect(isSarifResult(v)).toBe(false);
      agrees(v);
    }
    expect(isSarifResult({ ruleId: null, locations: [null], properties: null, extra: { anything: 1 } })).toBe(true);
  });
});
