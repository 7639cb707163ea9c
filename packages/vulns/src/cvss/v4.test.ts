import { describe, expect, it } from 'vitest';
import { cvssBaseScore } from './index.js';
import { MACROVECTOR_SCORES } from './v4-tables.js';
import { macroVector } from './v4.js';

describe('CVSS v4.0 base score', () => {
  // 9.3 and 10 are the defaults of FIRST's calculator, 6.9 the example of the specification's FAQ; the others were
  // checked against an independent implementation (with the reference calculator's tie rounding), which agreed
  // with this one on all 104,976 base vectors.
  it.each([
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 9.3],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H', 10],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N', 6.9],
    ['CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 8.5],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N', 5.1],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N', 8.7],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N', 8.7],
    ['CVSS:4.0/AV:N/AC:H/AT:P/PR:L/UI:P/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N', 2.1],
    ['CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N', 1],
    ['CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:N/VC:H/VI:L/VA:L/SC:H/SI:N/SA:N', 8.4],
    // Ties that the interpolation lands one ULP below (8.55, 5.65): the reference rounds them up.
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:H/VI:L/VA:N/SC:H/SI:H/SA:H', 8.6],
    ['CVSS:4.0/AV:N/AC:L/AT:P/PR:H/UI:A/VC:H/VI:L/VA:N/SC:L/SI:L/SA:L', 5.7],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N', 0],
    // Threat, environmental and supplemental metrics are valid but do not change the base score; order is free.
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U/CR:L/MAV:P/MSI:S/S:P/AU:Y/U:Amber', 9.3],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/SC:N/VI:H/SI:N/VA:H/SA:N', cvssBaseScore('CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N')?.score],
  ])('%s = %d', (vector, score) => {
    expect(cvssBaseScore(vector)).toEqual({ version: '4.0', score });
  });

  it.each([
    'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N',
    'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/SA:N',
    'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:R/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
    'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:S/SA:N',
    'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/U:red',
    'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/S:U',
    'CVSS:4.1/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
    'CVSS:4.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
  ])('rejects %s', (vector) => {
    expect(cvssBaseScore(vector)).toBeUndefined();
  });

  it('has one score for each of the 270 MacroVectors the EQ rules can produce', () => {
    const keys = Object.keys(MACROVECTOR_SCORES);
    expect(keys).toHaveLength(270);
    for (const k of keys) {
      expect(k).toMatch(/^[012][01](?:[01][012][012][01]|2[012][012]1)$/);
      const score = MACROVECTOR_SCORES[k] as number;
      expect(score).toBeGreaterThan(0);
      expect(score).toBeLessThanOrEqual(10);
    }
  });

  it('places vectors in MacroVectors by the EQ rules of section 8.2', () => {
    const base = { AV: 'N', AC: 'L', AT: 'N', PR: 'N', UI: 'N', VC: 'H', VI: 'H', VA: 'H', SC: 'N', SI: 'N', SA: 'N', E: 'A', CR: 'H', IR: 'H', AR: 'H' };
    expect(macroVector(base).join('')).toBe('000200');
    expect(macroVector({ ...base, AV: 'P' }).join('')).toBe('200200');
    expect(macroVector({ ...base, PR: 'L', UI: 'P', AV: 'A' }).join('')).toBe('200200');
    expect(macroVector({ ...base, PR: 'L' }).join('')).toBe('100200');
    expect(macroVector({ ...base, AT: 'P', VI: 'L', SC: 'H' }).join('')).toBe('011100');
    expect(macroVector({ ...base, VC: 'L', VI: 'L', VA: 'L', E: 'U' }).join('')).toBe('002221');
  });
});
