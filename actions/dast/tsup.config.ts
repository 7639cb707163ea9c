import { defineConfig } from 'tsup';
import { actionConfig } from '../../tsup.config.base.js';

// dist/index.js runs the scan, dist/post.js stops the ZAP container.
export default defineConfig(actionConfig({ entry: { index: 'src/index.ts', post: 'src/post.ts' } }));
