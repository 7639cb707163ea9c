import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkSpecAgainstActionYml, readInputs } from '@rampart/ci';
import { describe, expect, it } from 'vitest';
import { SAST_INPUTS } from './inputs.js';
import { scanRequestFrom } from './main.js';

const here = resolve(import.meta.dirname, '..');

describe('actions/sast', () => {
  it('its input spec matches action.yml, defaults included', () => {
    expect(checkSpecAgainstActionYml(SAST_INPUTS, readFileSync(join(here, 'action.yml'), 'utf8'))).toEqual([]);
  });

  it('turns inputs into a scan request', () => {
    const inputs = readInputs(SAST_INPUTS, {
      INPUT_PATH: 'src',
      INPUT_SCAN: 'sast',
      INPUT_RULES: 'rules/a\nrules/b',
      INPUT_ONLY: 'js.sql, py',
      INPUT_EXCLUDE: 'test/**',
      INPUT_SHARD: '2/4',
      'INPUT_FAIL-ON': 'medium',
      'INPUT_OUTPUT-DIR': 'out',
    });
    const req = scanRequestFrom(inputs, '/bundle/rules');
    expect(req).toMatchObject({
      scanner: 'sast',
      path: 'src',
      ruleDirs: ['rules/a', 'rules/b'],
      only: ['js.sql', 'py'],
      exclude: ['test/**'],
      shard: '2/4',
      builtinRules: true,
      builtinRulesDir: '/bundle/rules',
      flags: { failOn: 'medium', outDir: 'out', newOnly: false },
    });
  });

  it('refuses a scan kind it does not know', () => {
    expect(() => readInputs(SAST_INPUTS, { INPUT_SCAN: 'dast' })).toThrow(/scan/);
  });
});
