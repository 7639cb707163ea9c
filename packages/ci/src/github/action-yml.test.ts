import { readFileSync } from 'node:fs';
import { UserError } from '@rampart/core';
import { describe, expect, it } from 'vitest';
import { checkSpecAgainstActionYml } from './action-yml.js';
import { defineInputs } from './inputs.js';

const actionYml = readFileSync(new URL('../../test/fixtures/action-yml/action.yml', import.meta.url), 'utf8');

const spec = defineInputs({
  'fail-on': { kind: 'enum', values: ['critical', 'high', 'medium', 'low'], default: 'high' },
  'upload-sarif': { kind: 'boolean', default: false },
  paths: { kind: 'list', default: ['src', 'lib'] },
  token: { kind: 'string', actionYmlDefault: '${{ github.token }}' },
  config: { kind: 'string', required: true },
});

describe('checkSpecAgainstActionYml', () => {
  it('finds no difference when names, defaults and required agree', () => {
    expect(checkSpecAgainstActionYml(spec, actionYml)).toEqual([]);
  });

  it('reports missing and extra inputs, and different defaults and required flags', () => {
    const other = defineInputs({
      'fail-on': { kind: 'enum', values: ['critical', 'high', 'medium', 'low'], default: 'medium' },
      'upload-sarif': { kind: 'boolean', default: false },
      paths: { kind: 'list', default: ['src'] },
      token: { kind: 'string' },
      config: { kind: 'string' },
      extra: { kind: 'string' },
    });
    const diffs = checkSpecAgainstActionYml(other, actionYml);
    expect(diffs.map((d) => d.input).sort()).toEqual(['config', 'extra', 'fail-on', 'paths', 'token']);
    expect(diffs.find((d) => d.input === 'extra')?.problem).toBe('in the input spec but not in action.yml');
    expect(diffs.find((d) => d.input === 'token')?.problem).toMatch(/action.yml has default/);
  });

  it('reports an action.yml input missing from the spec', () => {
    const { config: _c, ...rest } = spec;
    expect(checkSpecAgainstActionYml(rest, actionYml)).toEqual([{ input: 'config', problem: 'in action.yml but not in the input spec' }]);
  });

  it('throws a UserError for YAML that is not a mapping', () => {
    expect(() => checkSpecAgainstActionYml(spec, '- a\n- b')).toThrow(UserError);
  });
});
