import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A directory of downloadable documents for the file routes, made when an app is built. */
export function documentsDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-dast-docs-'));
  writeFileSync(join(dir, 'readme.txt'), 'Opening hours: 9 to 5.\n');
  writeFileSync(join(dir, 'terms.txt'), 'Returns within 30 days.\n');
  return dir;
}
