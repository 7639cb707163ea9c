import { defineInputs } from '@rampart/ci';

/** The inputs of action.yml; a test checks the two agree, defaults included. */
export const REPORT_INPUTS = defineInputs({
  files: { kind: 'list' },
  format: { kind: 'string' },
  'fail-on': { kind: 'enum', values: ['critical', 'high', 'medium', 'low', 'info', 'none'] },
  'new-only': { kind: 'boolean', default: false },
  baseline: { kind: 'string' },
  'artifact-name': { kind: 'string', default: 'rampart-findings' },
  config: { kind: 'string' },
  'output-dir': { kind: 'string', default: 'rampart-reports' },
  formats: { kind: 'string' },
  category: { kind: 'string' },
  'upload-sarif': { kind: 'boolean', default: false },
  comment: { kind: 'boolean', default: true },
  // true/false are the values this input took before it knew about changed lines.
  annotations: { kind: 'enum', values: ['changed', 'all', 'none', 'true', 'false'], default: 'changed' },
  'review-comments': { kind: 'boolean', default: true },
  publish: { kind: 'boolean', default: true },
  sbom: { kind: 'string' },
  'github-token': { kind: 'string', secret: true, actionYmlDefault: '${{ github.token }}' },
});
