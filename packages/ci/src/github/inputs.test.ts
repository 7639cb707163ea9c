import { UserError } from '@rampart/core';
import { describe, expect, it } from 'vitest';
import { defineInputs, inputEnvName, inputPropertyName, readInputs } from './inputs.js';

const spec = defineInputs({
  'fail-on': { kind: 'enum', values: ['critical', 'high', 'medium', 'low', 'none'], default: 'high' },
  'upload-sarif': { kind: 'boolean', default: true },
  comment: { kind: 'boolean' },
  paths: { kind: 'list', default: ['.'] },
  'comment id': { kind: 'string' },
  token: { kind: 'string', required: true },
});

function thrown(fn: () => unknown): UserError {
  try {
    fn();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('expected a UserError');
}

describe('readInputs', () => {
  it('reads values as the runner sets them and types them from the spec', () => {
    const inputs = readInputs(spec, {
      'INPUT_FAIL-ON': 'Medium',
      'INPUT_UPLOAD-SARIF': 'false',
      INPUT_PATHS: 'src, lib\n  test  \n',
      INPUT_COMMENT_ID: ' sast ',
      INPUT_TOKEN: 'ghs_x',
    });
    const failOn: 'critical' | 'high' | 'medium' | 'low' | 'none' = inputs.failOn;
    const commentId: string | undefined = inputs.commentId;
    const token: string = inputs.token;
    expect({ failOn, commentId, token }).toEqual({ failOn: 'medium', commentId: 'sast', token: 'ghs_x' });
    expect(inputs.uploadSarif).toBe(false);
    expect(inputs.paths).toEqual(['src', 'lib', 'test']);
    expect(inputs.comment).toBe(false);
  });

  it('uses defaults for unset and blank inputs', () => {
    const inputs = readInputs(spec, { 'INPUT_FAIL-ON': '   ', INPUT_TOKEN: 't' });
    expect(inputs).toEqual({ failOn: 'high', uploadSarif: true, comment: false, paths: ['.'], commentId: undefined, token: 't' });
  });

  it('names the input and the allowed values for a bad enum', () => {
    const e = thrown(() => readInputs(spec, { 'INPUT_FAIL-ON': 'hgh', INPUT_TOKEN: 't' }));
    expect(e.field).toBe('with.fail-on');
    expect(e.expected).toBe('one of critical, high, medium, low, none');
    expect(e.message).toContain('"hgh"');
  });

  it('rejects a boolean that is not a YAML 1.2 boolean', () => {
    const e = thrown(() => readInputs(spec, { 'INPUT_UPLOAD-SARIF': 'yes', INPUT_TOKEN: 't' }));
    expect(e.field).toBe('with.upload-sarif');
    expect(e.expected).toBe('true or false');
  });

  it('reports a missing required input', () => {
    const e = thrown(() => readInputs(spec, {}));
    expect(e.field).toBe('with.token');
    expect(e.message).toMatch(/required/);
  });

  it('masks secret inputs as it reads them', () => {
    const masked: string[] = [];
    readInputs({ token: { kind: 'string', secret: true }, who: { kind: 'string' } }, { INPUT_TOKEN: ' ghs_s ', INPUT_WHO: 'me' }, { setSecret: (v) => masked.push(v) });
    expect(masked).toEqual(['ghs_s']);
  });

  it('maps names like the runner and camel-cases properties', () => {
    expect(inputEnvName('comment id')).toBe('INPUT_COMMENT_ID');
    expect(inputEnvName('fail-on')).toBe('INPUT_FAIL-ON');
    expect(inputPropertyName('max-annotations_per-type')).toBe('maxAnnotationsPerType');
  });
});
