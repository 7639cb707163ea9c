import { defineConfig } from 'tsup';
import { actionConfig } from '../../tsup.config.base.js';

// ast-grep's native parsers cannot be bundled: scripts/vendor.mjs copies those packages (Linux x64 binaries only)
// into dist/node_modules and the rule packs into dist/rules; the CycloneDX library is vendored too.
export default defineConfig(actionConfig({ vendored: ['@ast-grep/', '@cyclonedx/cyclonedx-library'] }));
