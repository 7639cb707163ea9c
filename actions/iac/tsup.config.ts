import { defineConfig } from 'tsup';
import { baseConfig, REQUIRE_BANNER } from '../../tsup.config.base.js';

// The runner executes dist/index.js with no node_modules, so everything is bundled: the IaC scanner has no
// native modules and reads no files of its own, so nothing needs to be vendored beside the bundle.
export default defineConfig(
  baseConfig({
    entry: { index: 'src/index.ts' },
    outDir: 'dist',
    noExternal: [/.*/],
    sourcemap: false,
    minify: false,
    banner: REQUIRE_BANNER,
  }),
);
