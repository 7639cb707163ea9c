import { defineConfig } from 'tsup';
import { baseConfig, REQUIRE_BANNER } from '../../tsup.config.base.js';

// The CLI bundles what it uses, except @rampart/sast and ast-grep: ast-grep's parsers are native modules, and
// the SAST package finds its rule packs beside its own dist/, so both are loaded from node_modules at run time.
export default defineConfig(
  baseConfig({ entry: ['src/index.ts', 'src/bin.ts', 'src/report-api.ts', 'src/scan-api.ts', 'src/github-api.ts', 'src/sbom-api.ts'], dts: { entry: ['src/index.ts', 'src/report-api.ts', 'src/scan-api.ts', 'src/github-api.ts', 'src/sbom-api.ts'] }, noExternal: [/^(?!@ast-grep\/|@rampart\/sast$).*/], external: ['@rampart/sast', /^@ast-grep\//], banner: REQUIRE_BANNER, sourcemap: false }),
);
