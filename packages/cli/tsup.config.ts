import { defineConfig } from 'tsup';
import { baseConfig, REQUIRE_BANNER } from '../../tsup.config.base.js';

// The CLI bundles everything it uses, so `node packages/cli/dist/bin.js` (or an npx install) needs nothing else.
export default defineConfig(
  baseConfig({ entry: ['src/index.ts', 'src/bin.ts'], dts: { entry: 'src/index.ts' }, noExternal: [/.*/], banner: REQUIRE_BANNER, sourcemap: false }),
);
