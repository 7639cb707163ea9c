import { defineConfig } from 'tsup';
import { actionConfig } from '../../tsup.config.base.js';

// The IaC scanner has no native modules and reads no files of its own, so nothing is vendored beside the bundle.
export default defineConfig(actionConfig());
