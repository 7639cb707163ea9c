import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixture, fixtureRecords } from './fixtures.testkit.js';
import { parseOsvJson, parseOsvRecord } from './parse.js';

const SCHEMA = join(import.meta.dirname, '../../../../../shared/schemas/osv/osv-schema.json');

describe('fixture records', () => {
  it('every fixture validates against the official OSV schema', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')) as object);
    const records = fixtureRecords();
    expect(records.size).toBeGreaterThanOrEqual(7);
    for (const [id, record] of records) {
      expect(validate(record), `${id}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('every fixture parses with nothing skipped', () => {
    for (const [id, record] of fixtureRecords()) {
      const result = parseOsvRecord(record);
      expect(result.ok, id).toBe(true);
      if (result.ok) expect(result.skipped, id).toEqual([]);
    }
  });

  it('keeps ranges, events, aliases and database_specific of a real record', () => {
    const result = parseOsvRecord(fixture('GHSA-p6mc-m468-83gw'));
    if (!result.ok) throw new Error(result.reason);
    const r = result.record;
    expect(r.aliases).toEqual(['CVE-2020-8203']);
    expect(r.database_specific?.['severity']).toBe('HIGH');
    expect(r.affected).toHaveLength(7);
    expect(r.affected[2]?.package).toEqual({ ecosystem: 'npm', name: 'lodash.pick' });
    expect(r.affected[2]?.ranges[0]?.events).toEqual([
      { kind: 'introduced', version: '4.0.0' },
      { kind: 'last_affected', version: '4.4.0' },
    ]);
  });
});

describe('unusable parts are skipped with a reason', () => {
  it('an event with two kinds spoils its range, not the record', () => {
    const rec = fixture('GHSA-35jh-r3h4-6jhm');
    const affected = rec['affected'] as { ranges: { events: unknown[] }[] }[];
    (affected[0] as { ranges: { events: unknown[] }[] }).ranges[0]!.events.push({ introduced: '1', fixed: '2' });
    const result = parseOsvRecord(rec);
    if (!result.ok) throw new Error(result.reason);
    expect(result.record.affected[0]?.ranges).toEqual([]);
    expect(result.record.affected[1]?.ranges).toHaveLength(1);
    expect(result.skipped.join('\n')).toMatch(/affected\[0\]\.ranges\[0\]\.events\[2\]: expected exactly one of/);
    expect(result.skipped.join('\n')).toMatch(/affected\[0\]\.ranges\[0\]: skipped because some of its events are invalid/);
  });

  it('an affected entry without a package name is skipped; unknown range types too', () => {
    const result = parseOsvRecord({
      id: 'OSV-TEST-1',
      affected: [
        { package: { ecosystem: 'npm' }, versions: ['1.0.0'] },
        { package: { ecosystem: 'npm', name: 'x' }, ranges: [{ type: 'DATE', events: [{ introduced: '0' }] }], versions: ['1', 2] },
      ],
      aliases: ['CVE-2020-1', 7],
    });
    if (!result.ok) throw new Error(result.reason);
    expect(result.record.affected).toHaveLength(1);
    expect(result.record.affected[0]?.versions).toEqual(['1']);
    expect(result.record.aliases).toEqual(['CVE-2020-1']);
    expect(result.skipped).toHaveLength(4);
    expect(result.skipped[0]).toMatch(/^aliases\[1\]/);
  });

  it('a field of the wrong type costs that field only', () => {
    const result = parseOsvRecord({
      id: 'X-2',
      aliases: 'CVE-2020-1',
      summary: 42,
      database_specific: ['x'],
      withdrawn: true,
      affected: [{ package: { ecosystem: 'npm', name: 'x' }, versions: '1.0.0', ecosystem_specific: 'y', ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }] }] }],
    });
    if (!result.ok) throw new Error(result.reason);
    expect(result.record).toMatchObject({ id: 'X-2', aliases: [], withdrawn: 'true' });
    expect(result.record.summary).toBeUndefined();
    expect(result.record.database_specific).toBeUndefined();
    expect(result.record.affected[0]).toMatchObject({ versions: [], ranges: [{ type: 'SEMVER' }] });
    expect(result.skipped).toEqual([
      'aliases: expected a list',
      'affected[0].versions: expected a list',
      'affected[0].ecosystem_specific: expected an object',
      'withdrawn: expected a string',
      'summary: expected a string',
      'withdrawn: not a date; the record is treated as withdrawn',
      'database_specific: expected an object',
    ]);
  });

  it('a range without an introduced event is skipped (the schema requires one)', () => {
    const result = parseOsvRecord({ id: 'X-1', affected: [{ package: { ecosystem: 'npm', name: 'x' }, ranges: [{ type: 'SEMVER', events: [{ fixed: '1.0.0' }] }] }] });
    if (!result.ok) throw new Error(result.reason);
    expect(result.record.affected[0]?.ranges).toEqual([]);
    expect(result.skipped).toEqual(['affected[0].ranges[0]: no introduced event (the schema requires one)']);
  });

  it('rejects what is not a record at all, with a reason', () => {
    for (const input of [null, 3, 'GHSA-x', [], {}, { id: '' }, { id: 4 }]) {
      const result = parseOsvRecord(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(/^not an OSV record/);
    }
    const broken = parseOsvJson('{"id": ');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.reason).toMatch(/^not JSON/);
  });
});

describe('fuzz', () => {
  const assertTotal = (input: unknown): void => {
    const result = parseOsvRecord(input);
    if (result.ok) {
      expect(typeof result.record.id).toBe('string');
      expect(Array.isArray(result.record.affected)).toBe(true);
      for (const s of result.skipped) expect(s.length).toBeGreaterThan(0);
    } else {
      expect(result.reason.length).toBeGreaterThan(0);
    }
  };

  it('arbitrary JSON parses or is rejected with a reason, never throws', () => {
    fc.assert(fc.property(fc.jsonValue(), assertTotal), { numRuns: 2000 });
  });

  it('record-shaped JSON with arbitrary field values never throws', () => {
    const anyValue = fc.jsonValue({ maxDepth: 3 });
    const event = fc.dictionary(fc.constantFrom('introduced', 'fixed', 'last_affected', 'limit', 'x'), anyValue, { maxKeys: 2 });
    const range = fc.record({ type: fc.oneof(fc.constantFrom('SEMVER', 'ECOSYSTEM', 'GIT'), anyValue), events: fc.oneof(fc.array(event), anyValue) }, { requiredKeys: [] });
    const affected = fc.record(
      {
        package: fc.oneof(fc.record({ ecosystem: fc.oneof(fc.string(), anyValue), name: fc.oneof(fc.string(), anyValue) }, { requiredKeys: [] }), anyValue),
        ranges: fc.oneof(fc.array(range), anyValue),
        versions: fc.oneof(fc.array(fc.oneof(fc.string(), anyValue)), anyValue),
        severity: fc.oneof(fc.array(fc.record({ type: anyValue, score: anyValue })), anyValue),
      },
      { requiredKeys: [] },
    );
    const record = fc.record(
      { id: fc.oneof(fc.string(), anyValue), aliases: anyValue, affected: fc.oneof(fc.array(affected), anyValue), withdrawn: anyValue, summary: anyValue, database_specific: anyValue },
      { requiredKeys: [] },
    );
    fc.assert(fc.property(record, assertTotal), { numRuns: 2000 });
  });

  it('a __proto__ key in the JSON stays data', () => {
    const result = parseOsvJson('{"id":"X-1","__proto__":{"polluted":true},"database_specific":{"__proto__":{"polluted":true}}}');
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('arbitrary text never throws', () => {
    fc.assert(fc.property(fc.string(), (s) => void parseOsvJson(s)), { numRuns: 500 });
  });
});
