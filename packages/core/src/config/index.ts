export {
  configSchema,
  ignoreEntrySchema,
  DEFAULT_CONFIG,
  DEFAULT_OUTPUT_DIR,
  OUTPUT_FORMATS,
  type OutputFormat,
  type RampartConfig,
  type RampartConfigInput,
} from './schema.js';
export { parseConfig } from './parse.js';
export { rampartJsonSchema } from './json-schema.js';
