import type { Inventory } from '@rampart/inventory';
import { describe, expect, it } from 'vitest';
import { OPTIONS, readFixture } from '../testing/inventory.js';
import { buildCycloneDx } from './build.js';
import { validateCycloneDx } from './validate.js';

const valid = () => buildCycloneDx(JSON.parse(readFixture('small/inventory.json')) as Inventory, OPTIONS);

describe('validateCycloneDx', () => {
  it('reports a component type the schema does not know, with where it is', async () => {
    const doc = JSON.parse(valid()) as { components: { type: string }[] };
    (doc.components[0] as { type: string }).type = 'libary';
    const errors = await validateCycloneDx(JSON.stringify(doc));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toContain('/components/0/type');
  });

  it('reports a property the strict schema does not allow', async () => {
    const doc = JSON.parse(valid()) as Record<string, unknown>;
    doc['extra'] = true;
    expect(await validateCycloneDx(JSON.stringify(doc), '1.5')).not.toEqual([]);
  });

  it('reports text that is not JSON instead of throwing', async () => {
    expect(await validateCycloneDx('{ nope')).toEqual([expect.stringMatching(/^not JSON/)]);
  });
});
