import { defineInputs, GATE_INPUTS, PUBLISH_INPUTS } from '@rampart/ci';

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
  ...GATE_INPUTS,
  ...PUBLISH_INPUTS,
});
