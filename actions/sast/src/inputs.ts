import { defineInputs, GATE_INPUTS, PUBLISH_INPUTS } from '@rampart/ci';

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
  ...GATE_INPUTS,
  annotations: { kind: 'boolean', default: true },
  ...PUBLISH_INPUTS,
});
