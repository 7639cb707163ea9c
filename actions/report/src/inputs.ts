import { defineInputs, GATE_INPUTS, PUBLISH_INPUTS } from '@rampart/ci';

/** The inputs of action.yml; a test checks the two agree, defaults included. */
export const REPORT_INPUTS = defineInputs({
  files: { kind: 'list' },
  format: { kind: 'string' },
  ...GATE_INPUTS,
  'artifact-name': { kind: 'string', default: 'rampart-findings' },
  formats: { kind: 'string' },
  category: { kind: 'string' },
  // true/false are the values this input took before it knew about changed lines.
  annotations: { kind: 'enum', values: ['changed', 'all', 'none', 'true', 'false'], default: 'changed' },
  'review-comments': { kind: 'boolean', default: true },
  publish: { kind: 'boolean', default: true },
  sbom: { kind: 'string' },
  ...PUBLISH_INPUTS,
});
