import { describe, expect, it } from 'vitest';
import { everyKindRun } from '../testing/fixtures.js';
import { multitoolErrors, validateSarifMultitool, validateSarifSchema } from '../testing/validate.js';
import { renderSarif } from './render.js';

describe('renderSarif conformance', () => {
  it('validates against the schema and the multitool', () => {
    const out = renderSarif(everyKindRun(), { srcRoot: '/work/repo' });
    const file = out.files[0]!;
    console.log(file.content.slice(0, 3000));
    expect(validateSarifSchema(file.content)).toEqual([]);
    console.log(validateSarifMultitool(file.content));
    expect(multitoolErrors(file.content)).toEqual([]);
  });
});
