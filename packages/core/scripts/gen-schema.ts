import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rampartJsonSchema } from '../src/config/json-schema.js';

/** Where the published JSON Schema of `.rampart.yml` is committed. */
export const SCHEMA_PATH = fileURLToPath(new URL('../schema/rampart.schema.json', import.meta.url));

export function schemaText(): string {
  return `${JSON.stringify(rampartJsonSchema(), null, 2)}\n`;
}

export function writeSchema(): void {
  writeFileSync(SCHEMA_PATH, schemaText());
}

// Regenerate with `UPDATE_GOLDEN=1 npx vitest run packages/core/src/config` (or run this file with a TS runner).
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) writeSchema();
