import { z } from 'zod';
import { configSchema } from './schema.js';

/**
 * The JSON Schema of `.rampart.yml`, published for editors (`# yaml-language-server: $schema=...`).
 * Draft-07 because that is what editor YAML plugins support best; the input side, because users
 * write the file without the defaults.
 */
export function rampartJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, { target: 'draft-07', io: 'input' }) as Record<string, unknown>;
  return {
    ...schema,
    description:
      'Policy as code for Rampart scanners: the gate, ignores, outputs, per-scanner settings and the license policy.',
  };
}
