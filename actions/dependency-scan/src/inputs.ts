import { defineInputs, GATE_INPUTS, PUBLISH_INPUTS } from '@rampart/ci';

/** The inputs of action.yml; a test checks the two agree, defaults included. */
export const DEPS_INPUTS = defineInputs({
  path: { kind: 'string', default: '.' },
  offline: { kind: 'boolean', default: false },
  'osv-url': { kind: 'string' },
  'cache-dir': { kind: 'string' },
  'ignore-unfixed': { kind: 'boolean', default: false },
  ...GATE_INPUTS,
  ...PUBLISH_INPUTS,
});
