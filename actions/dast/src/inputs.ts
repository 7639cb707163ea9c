import { defineInputs, GATE_INPUTS, PUBLISH_INPUTS } from '@rampart/ci';

/** The inputs of action.yml; a test checks the two agree, defaults included. */
export const DAST_INPUTS = defineInputs({
  target: { kind: 'string', required: true },
  mode: { kind: 'enum', values: ['baseline', 'full', 'api'], default: 'baseline' },
  engine: { kind: 'enum', values: ['auto', 'zap', 'builtin'], default: 'auto' },
  'rules-file-name': { kind: 'string' },
  openapi: { kind: 'string' },
  'auth-header': { kind: 'string', secret: true },
  include: { kind: 'list' },
  exclude: { kind: 'list' },
  'max-duration': { kind: 'string', default: '600' },
  'docker-name': { kind: 'string', default: 'ghcr.io/zaproxy/zaproxy:stable' },
  'zap-url': { kind: 'string' },
  'zap-port': { kind: 'string', default: '8090' },
  ...GATE_INPUTS,
  ...PUBLISH_INPUTS,
});
