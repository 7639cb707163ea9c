import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { Inventory } from '@rampart/inventory';
import { describe, expect, it } from 'vitest';
import { OPTIONS, readFixture } from '../testing/inventory.js';
import { buildSpdx } from './build.js';
import { validateSpdx } from './validate.js';

const valid = () => JSON.parse(buildSpdx(JSON.parse(readFixture('small/inventory.json')) as Inventory, OPTIONS)) as Record<string, unknown>;
const packages = (doc: Record<string, unknown>) => doc['packages'] as Record<string, unknown>[];

const copy = new URL('../../schema/spdx-2.3.schema.json', import.meta.url);
const shared = new URL('../../../../../shared/schemas/spdx/spdx-schema-2.3.json', import.meta.url);

describe('validateSpdx', () => {
  it('reports a missing required field', () => {
    const doc = valid();
    delete doc['dataLicense'];
    expect(validateSpdx(JSON.stringify(doc)).join('\n')).toContain('dataLicense');
  });

  it('reports a checksum algorithm the schema does not know', () => {
    const doc = valid();
    const withChecksums = packages(doc).find((p) => p['checksums'] !== undefined) as { checksums: { algorithm: string }[] };
    (withChecksums.checksums[0] as { algorithm: string }).algorithm = 'SHA-256';
    expect(validateSpdx(JSON.stringify(doc))).not.toEqual([]);
  });

  it('reports ids the spec does not allow, duplicates and relationships to nothing', () => {
    const doc = valid();
    const [a, b] = packages(doc);
    (a as Record<string, unknown>)['SPDXID'] = 'SPDXRef-has_underscore';
    (b as Record<string, unknown>)['SPDXID'] = 'SPDXRef-has_underscore';
    const errors = validateSpdx(JSON.stringify(doc)).join('\n');
    expect(errors).toContain('not a valid SPDX identifier');
    expect(errors).toContain('used by more than one element');
    expect(errors).toContain('is not an element of this document');
  });

  it('reports text that is not JSON instead of throwing', () => {
    expect(validateSpdx('nope')).toEqual([expect.stringMatching(/^not JSON/)]);
  });
});

describe('the bundled SPDX 2.3 schema', () => {
  it('is the unmodified upstream file (hash from ../shared/schemas/README.md)', () => {
    const hash = createHash('sha256').update(readFileSync(copy)).digest('hex');
    expect(hash).toBe('239208b7ac287b3cf5d9a9af23f9d69863971102a5e1587a27a398b43490b89b');
  });

  it.skipIf(!existsSync(shared))('is byte for byte the copy in ../shared/schemas (skipped only when ../shared is absent)', () => {
    expect(readFileSync(copy).equals(readFileSync(shared))).toBe(true);
  });
});
