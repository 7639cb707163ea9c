import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkSpecAgainstActionYml, readInputs } from '@rampart/ci';
import { describe, expect, it } from 'vitest';
import { CONTAINER_INPUTS } from './inputs.js';
import { containerRequestFrom } from './main.js';

const here = resolve(import.meta.dirname, '..');

describe('actions/container-scan', () => {
  it('its input spec matches action.yml, defaults included', () => {
    expect(checkSpecAgainstActionYml(CONTAINER_INPUTS, readFileSync(join(here, 'action.yml'), 'utf8'))).toEqual([]);
  });

  it('takes exactly one image source', () => {
    const req = containerRequestFrom(readInputs(CONTAINER_INPUTS, { 'INPUT_IMAGE-TAR': 'image.tar', INPUT_PLATFORM: 'linux/arm64' }));
    expect(req).toMatchObject({ source: { kind: 'archive', path: 'image.tar' }, platform: 'linux/arm64', sbom: true });
    expect(() => containerRequestFrom(readInputs(CONTAINER_INPUTS, {}))).toThrow(/no image given/);
    expect(() => containerRequestFrom(readInputs(CONTAINER_INPUTS, { INPUT_IMAGE: 'alpine:3', INPUT_ROOTFS: '/' }))).toThrow(/more than one/);
  });
});
