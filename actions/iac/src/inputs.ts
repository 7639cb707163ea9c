import { defineInputs } from '@rampart/ci';

/** The inputs of action.yml; a test checks the two agree, defaults included. */
export const IAC_INPUTS = defineInputs({
  path: { kind: 'string', default: '.' },
  'fail-on': { kind: 'enum', values: ['critical', 'high', 'medium', 'low', 'info', 'none'] },
  'new-only': { kind: 'boolean', default: false },
  baseline: { kind: 'string' },
  config: { kind: 'string' },
  'output-dir': { kind: 'string', default: 'rampart-reports' },
  'upload-sarif': { kind: 'boolean', default: false },
  comment: { kind: 'boolean', default: true },
  annotations: { kind: 'boolean', default: true },
  'github-token': { kind: 'string', secret: true, actionYmlDefault: '${{ github.token }}' },
});
