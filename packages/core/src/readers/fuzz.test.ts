import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { findingSchema } from '../model/finding.js';
import { assignFingerprints } from '../model/fingerprint.js';
import { parseReportText } from './parse-text.js';
import { readReport } from './read-report.js';
import { READERS } from './registry.js';
import type { ReadResult, ReportReader } from './types.js';
import { mutate, paths } from './doc-mutation.js';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/readers/', import.meta.url));

/** Every fixture's document, by the format its golden file says it is. */
function fixtureDocs(): { format: string; doc: unknown; text: string }[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => {
      const dir = join(FIXTURES, d.name);
      const input = readdirSync(dir).find((f) => f.startsWith('input.')) ?? 'input.json';
      const text = readFileSync(join(dir, input), 'utf8');
      const { format } = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { format: string };
      return { format, doc: parseReportText(text, input), text };
    });
}

/** Reading may refuse the document (UserError); anything else thrown, or an invalid finding, is a bug. */
function readsSafely(reader: ReportReader, doc: unknown): void {
  let result: ReadResult;
  try {
    result = reader.read(doc, { file: 'fuzz.json' });
  } catch (err) {
    if (err instanceof UserError) return;
    throw err;
  }
  for (const finding of assignFingerprints(result.findings)) {
    const parsed = findingSchema.safeParse(finding);
    if (!parsed.success) throw new Error(`${reader.id} returned an invalid finding: ${JSON.stringify(parsed.error.issues[0])}`);
  }
  expect(Array.isArray(result.skipped)).toBe(true);
}

const replacement = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }),
  fc.string(),
  fc.integer({ min: -5, max: 100000 }),
  fc.double(),
  fc.constant(''),
  fc.constant({}),
  fc.constant([]),
);

const fixturesByFormat = fixtureDocs();

describe('reader fuzzing', () => {
  for (const reader of READERS) {
    const own = fixturesByFormat.filter((f) => f.format === reader.id);

    it(`${reader.id}: arbitrary JSON is refused or read into valid findings`, () => {
      fc.assert(
        fc.property(fc.jsonValue({ maxDepth: 6 }), (doc) => readsSafely(reader, doc)),
        { numRuns: 150 },
      );
    });

    it(`${reader.id}: mutated fixtures are refused or read into valid findings`, () => {
      expect(own.length).toBeGreaterThan(0);
      const docs = own.map((f) => ({ doc: f.doc, paths: paths(f.doc) }));
      const mutation = fc
        .integer({ min: 0, max: docs.length - 1 })
        .chain((i) => {
          const target = docs[i] ?? docs[0];
          if (!target) throw new Error('no fixture');
          return fc.tuple(
            fc.constant(target.doc),
            fc.array(fc.tuple(fc.integer({ min: 0, max: target.paths.length - 1 }), replacement), { minLength: 1, maxLength: 4 }),
          );
        });
      fc.assert(
        fc.property(mutation, ([doc, edits]) => {
          let current = doc;
          for (const [index, value] of edits) {
            const all = paths(current);
            current = mutate(current, all[index % all.length] ?? [], value);
          }
          readsSafely(reader, current);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('readReport throws nothing but UserError on arbitrary text', () => {
    const text = fc.oneof(
      fc.string(),
      fc.string().map((s) => `<${s}`),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.constantFrom(...fixturesByFormat.map((f) => f.text)).chain((t) =>
        fc.tuple(fc.nat({ max: t.length }), fc.string()).map(([cut, tail]) => t.slice(0, cut) + tail),
      ),
    );
    fc.assert(
      fc.property(text, (t) => {
        try {
          const result = readReport(t, { file: 'fuzz.txt' });
          for (const finding of assignFingerprints(result.findings)) expect(findingSchema.safeParse(finding).success).toBe(true);
        } catch (err) {
          if (!(err instanceof UserError)) throw err;
        }
      }),
      { numRuns: 400 },
    );
  });
});
