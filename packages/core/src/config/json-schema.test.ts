import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SCHEMA_PATH, schemaText, writeSchema } from '../../scripts/gen-schema.js';
import { configFixture } from './config-fixtures.js';
import { rampartJsonSchema } from './json-schema.js';
import { configSchema } from './schema.js';

function validator(): (data: unknown) => boolean {
  // strictRequired would object to `anyOf: [{ required: ['id'] }, ...]`, which is valid and what we mean.
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
  addFormats(ajv);
  return ajv.compile(rampartJsonSchema());
}

describe('rampart.schema.json', () => {
  it('is up to date with the zod schema (UPDATE_GOLDEN=1 regenerates it)', () => {
    if (process.env['UPDATE_GOLDEN'] === '1') writeSchema();
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(schemaText());
  });

  it('is a draft-07 schema that rejects unknown top-level keys', () => {
    const schema = rampartJsonSchema();
    expect(schema['$schema']).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema['additionalProperties']).toBe(false);
  });

  it('accepts the full sample, as zod does', () => {
    const data: unknown = parse(configFixture('full'));
    expect(configSchema.safeParse(data).success).toBe(true);
    const validate = validator();
    expect(validate(data)).toBe(true);
  });

  it.each([
    ['an unknown top-level key', { ignores: [] }],
    ['a bad fail-on', { gate: { 'fail-on': 'severe' } }],
    ['an ignore without reason', { ignore: [{ id: 'x' }] }],
    ['an ignore with a blank reason', { ignore: [{ id: 'x', reason: ' ' }] }],
    ['an ignore without any selector', { ignore: [{ reason: 'why' }] }],
    ['an ignore with a non-date expiry', { ignore: [{ id: 'x', reason: 'y', expires: '31.12.2025' }] }],
    ['an unknown output format', { output: { formats: ['pdf'] } }],
    ['a license expression instead of an id', { 'license-policy': { allow: ['MIT OR Apache-2.0'] } }],
    ['a scanner section that is not a mapping', { sast: 'yes' }],
  ])('rejects %s, as zod does', (_what, data) => {
    expect(configSchema.safeParse(data).success).toBe(false);
    expect(validator()(data)).toBe(false);
  });

  it('accepts the empty config, as zod does', () => {
    expect(configSchema.safeParse({}).success).toBe(true);
    expect(validator()({})).toBe(true);
  });
});
