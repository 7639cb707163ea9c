import { defineConfig } from 'tsup';
import { baseConfig, REQUIRE_BANNER } from '../../tsup.config.base.js';

// The runner executes dist/index.js (the scan) and dist/post.js (stops the ZAP container) with no node_modules.
export default defineConfig(
  baseConfig({
    entry: { index: 'src/index.ts', post: 'src/post.ts' },
    outDir: 'dist',
    noExternal: [/.*/],
    sourcemap: false,
    minify: false,
    banner: REQUIRE_BANNER,
  }),
);
