import { defineInputs } from '@rampart/ci';

/** The inputs of action.yml; a test checks the two agree, defaults included. */
export const SAST_INPUTS = defineInputs({
  path: { kind: 'string', default: '.' },
  scan: { kind: 'enum', values: ['scan', 'sast', 'secrets'], default: 'scan' },
  rules: { kind: 'list' },
  only: { kind: 'list' },
  'builtin-rules': { kind: 'boolean', default: true },
  exclude: { kind: 'list' },
  shard: { kind: 'string' },
  'changed-since': { kind: 'string' },
  'changed-lines-only': { kind: 'boolean', default: false },
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
