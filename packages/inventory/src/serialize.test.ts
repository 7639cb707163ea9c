import { UserError } from '@rampart/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInventoryJson, serializeInventory } from './serialize.js';
import type { Inventory } from './types.js';

const inventory: Inventory = {
  roots: [{ ref: 'root:package-lock.json', name: 'shop', ecosystem: 'npm', manifest: 'package-lock.json', dependsOn: ['pkg:npm/a@1.0.0'] }],
  packages: [
    {
      purl: 'pkg:npm/a@1.0.0', name: 'a', version: '1.0.0', ecosystem: 'npm', licenses: ['MIT'],
      hashes: [{ alg: 'sha512', value: 'ab' }], direct: true, dev: false, locations: ['package-lock.json'], dependsOn: [],
    },
  ],
  problems: [{ file: 'requirements.txt', message: 'flask is not pinned' }],
};

describe('inventory.json', () => {
  it('round-trips', () => {
    expect(parseInventoryJson(serializeInventory(inventory), 'inventory.json')).toEqual(inventory);
  });
  it('names the file and field of a bad document', () => {
    const bad = JSON.stringify({ rampartInventory: 1, roots: [], packages: [{ purl: 'npm:a' }], problems: [] });
    expect(() => parseInventoryJson(bad, 'out/inventory.json')).toThrow(/out\/inventory\.json: field packages\.0\.purl/);
    expect(() => parseInventoryJson('{"rampartInventory":2}', 'i.json')).toThrow(UserError);
  });
  it('throws only UserError on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (s) => {
        try {
          parseInventoryJson(s, 'x.json');
        } catch (e) {
          expect(e).toBeInstanceOf(UserError);
        }
      }),
    );
  });
});
