import { defineConfig } from 'tsup';
import { baseConfig, REQUIRE_BANNER } from '../../tsup.config.base.js';

// The runner executes dist/index.js with no node_modules, so everything is bundled. Some dependencies are
// CommonJS and call require(); the banner gives the ESM bundle one.
export default defineConfig(
  baseConfig({
    entry: { index: 'src/index.ts' },
    outDir: 'dist',
    noExternal: [/^(?!@cyclonedx\/cyclonedx-library$).*/],
    external: ['@cyclonedx/cyclonedx-library'],
    sourcemap: false,
    minify: false,
    banner: REQUIRE_BANNER,
  }),
);
