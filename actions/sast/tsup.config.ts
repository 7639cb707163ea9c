import { defineConfig } from 'tsup';
import { baseConfig, REQUIRE_BANNER } from '../../tsup.config.base.js';

// Everything is bundled except ast-grep, whose native parsers cannot be: scripts/vendor.mjs copies those
// packages (Linux x64 binaries only) into dist/node_modules and the rule packs into dist/rules.
export default defineConfig(
  baseConfig({
    entry: { index: 'src/index.ts' },
    outDir: 'dist',
    noExternal: [/^(?!@ast-grep\/|@cyclonedx\/cyclonedx-library$).*/],
    external: [/^@ast-grep\//, '@cyclonedx/cyclonedx-library'],
    sourcemap: false,
    banner: REQUIRE_BANNER,
  }),
);
