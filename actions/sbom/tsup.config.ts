import { defineConfig } from 'tsup';
import { actionConfig } from '../../tsup.config.base.js';

// The CycloneDX library is vendored beside the bundle (scripts/vendor-packages.mjs) rather than bundled.
export default defineConfig(actionConfig({ vendored: ['@cyclonedx/cyclonedx-library'] }));
