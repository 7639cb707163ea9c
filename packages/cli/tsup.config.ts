import { defineConfig } from 'tsup';
import { baseConfig, REQUIRE_BANNER } from '../../tsup.config.base.js';

// The CLI bundles what it uses, except @rampart/sast and ast-grep: ast-grep's parsers are native modules, and
// the SAST package finds its rule packs beside its own dist/, so both are loaded from node_modules at run time.
// @cyclonedx/cyclonedx-library reads its schema files from its own folder, so it stays external too, and so does
// @rampart/sbom, which imports it: left external, both load only when an SBOM is written.
export default defineConfig(
  baseConfig({ entry: ['src/index.ts', 'src/bin.ts', 'src/report-api.ts', 'src/scan-api.ts', 'src/github-api.ts', 'src/sbom-api.ts', 'src/dast-api.ts', 'src/deps-api.ts', 'src/container-api.ts', 'src/iac-api.ts'], dts: { entry: ['src/index.ts', 'src/report-api.ts', 'src/scan-api.ts', 'src/github-api.ts', 'src/sbom-api.ts', 'src/dast-api.ts', 'src/deps-api.ts', 'src/container-api.ts', 'src/iac-api.ts'] }, noExternal: [/^(?!@ast-grep\/|@rampart\/sast$|@rampart\/sbom$|@cyclonedx\/cyclonedx-library$).*/], external: ['@rampart/sast', '@rampart/sbom', /^@ast-grep\//, '@cyclonedx/cyclonedx-library'], banner: REQUIRE_BANNER, sourcemap: false }),
);
