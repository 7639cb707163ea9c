import { defineInputs, GATE_INPUTS, PUBLISH_INPUTS } from '@rampart/ci';

/** The inputs of action.yml; a test checks the two agree, defaults included. */
export const IAC_INPUTS = defineInputs({
  path: { kind: 'string', default: '.' },
  ...GATE_INPUTS,
  annotations: { kind: 'boolean', default: true },
  ...PUBLISH_INPUTS,
});
