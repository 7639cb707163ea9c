import { defineConfig } from 'tsup';
import { actionConfig } from '../../tsup.config.base.js';

export default defineConfig(actionConfig());
