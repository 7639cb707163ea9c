import { defineInputs } from '@rampart/ci';

/** The inputs of action.yml; a test checks the two agree, defaults included. */
export const CONTAINER_INPUTS = defineInputs({
  image: { kind: 'string' },
  'image-tar': { kind: 'string' },
  'oci-layout': { kind: 'string' },
  rootfs: { kind: 'string' },
  platform: { kind: 'string' },
  'registry-username': { kind: 'string' },
  'registry-password': { kind: 'string', secret: true },
  offline: { kind: 'boolean', default: false },
  'osv-url': { kind: 'string' },
  'cache-dir': { kind: 'string' },
  'ignore-unfixed': { kind: 'boolean', default: false },
  sbom: { kind: 'boolean', default: true },
  'fail-on': { kind: 'enum', values: ['critical', 'high', 'medium', 'low', 'info', 'none'] },
  'new-only': { kind: 'boolean', default: false },
  baseline: { kind: 'string' },
  config: { kind: 'string' },
  'output-dir': { kind: 'string', default: 'rampart-reports' },
  'upload-sarif': { kind: 'boolean', default: false },
  comment: { kind: 'boolean', default: true },
  'github-token': { kind: 'string', secret: true, actionYmlDefault: '${{ github.token }}' },
});
