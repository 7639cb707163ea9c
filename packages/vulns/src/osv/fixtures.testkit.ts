import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** packages/vulns/test/fixtures/osv: real OSV records (see the README there). */
export const OSV_FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/osv');

/** Every fixture record as parsed JSON, by id. */
export function fixtureRecords(): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const file of readdirSync(OSV_FIXTURES).filter((f) => f.endsWith('.json')).sort()) {
    const json = JSON.parse(readFileSync(join(OSV_FIXTURES, file), 'utf8')) as Record<string, unknown>;
    out.set(String(json['id']), json);
  }
  return out;
}

export function fixture(id: string): Record<string, unknown> {
  const record = fixtureRecords().get(id);
  if (!record) throw new Error(`no fixture ${id}`);
  return structuredClone(record);
}
