import { defineInputs } from '@rampart/ci';

/** The inputs of action.yml; a test checks the two agree, defaults included. */
export const SBOM_INPUTS = defineInputs({
  mode: { kind: 'enum', values: ['generate', 'submit-snapshot'], default: 'generate' },
  path: { kind: 'string', default: '.' },
  format: { kind: 'enum', values: ['both', 'cyclonedx', 'spdx'], default: 'both' },
  'spec-version': { kind: 'enum', values: ['1.6', '1.5'], default: '1.6' },
  'fail-on': { kind: 'enum', values: ['critical', 'high', 'medium', 'low', 'info', 'none'] },
  config: { kind: 'string' },
  'output-dir': { kind: 'string', default: 'rampart-reports' },
  'upload-artifact': { kind: 'boolean', default: true },
  'artifact-name': { kind: 'string', default: 'sbom' },
  inventory: { kind: 'string' },
  correlator: { kind: 'string' },
  comment: { kind: 'boolean', default: false },
  'github-token': { kind: 'string', secret: true, actionYmlDefault: '${{ github.token }}' },
});
