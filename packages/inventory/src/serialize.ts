import { UserError } from '@rampart/core';
import { z } from 'zod';
import { ECOSYSTEMS, type Inventory } from './types.js';

/**
 * `inventory.json`: the inventory as the SBOM step wrote it, read back by the dependency-snapshot step, which may run
 * in another job (the only one with write access). Marked with a format version so an old file is refused, not misread.
 */
export const INVENTORY_FORMAT_VERSION = 1;

const hashSchema = z.object({ alg: z.enum(['md5', 'sha1', 'sha256', 'sha384', 'sha512']), value: z.string() });
const packageSchema = z.object({
  purl: z.string().startsWith('pkg:'),
  name: z.string().min(1),
  version: z.string(),
  ecosystem: z.enum(ECOSYSTEMS),
  licenses: z.array(z.string()),
  hashes: z.array(hashSchema),
  direct: z.boolean(),
  dev: z.boolean(),
  optional: z.boolean().optional(),
  locations: z.array(z.string()),
  dependsOn: z.array(z.string()),
  layer: z.string().optional(),
});
const rootSchema = z.object({
  ref: z.string().min(1),
  name: z.string(),
  version: z.string().optional(),
  ecosystem: z.enum(ECOSYSTEMS),
  purl: z.string().optional(),
  manifest: z.string(),
  licenses: z.array(z.string()).optional(),
  dependsOn: z.array(z.string()),
});
const fileSchema = z.object({
  rampartInventory: z.literal(INVENTORY_FORMAT_VERSION),
  roots: z.array(rootSchema),
  packages: z.array(packageSchema),
  problems: z.array(z.object({ file: z.string(), message: z.string() })),
});

export function serializeInventory(inventory: Inventory): string {
  return `${JSON.stringify({ rampartInventory: INVENTORY_FORMAT_VERSION, ...inventory })}\n`;
}

export function parseInventoryJson(text: string, file: string): Inventory {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new UserError('not JSON', { file, expected: 'an inventory.json written by rampart sbom' });
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError(issue?.message ?? 'not an inventory', {
      file,
      field: issue && issue.path.length > 0 ? issue.path.join('.') : 'rampartInventory',
      expected: `an inventory.json (format ${INVENTORY_FORMAT_VERSION}) written by rampart sbom`,
    });
  }
  const { roots, packages, problems } = parsed.data;
  return { roots, packages, problems } as Inventory;
}
