import { defineConfig } from 'tsup';
import { baseConfig } from '../../tsup.config.base.js';

// The CLI bundles the workspace packages it uses, so `node packages/cli/dist/bin.js` runs after one build.
export default defineConfig(
  baseConfig({ entry: ['src/index.ts', 'src/bin.ts'], dts: { entry: 'src/index.ts' }, noExternal: [/^@rampart\//] }),
);
