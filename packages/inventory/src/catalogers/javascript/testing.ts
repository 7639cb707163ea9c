import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError, recordingLogger } from '@rampart/core';
import * as fc from 'fast-check';
import { expect } from 'vitest';
import type { Cataloger, CatalogResult } from '../../cataloger.js';
import { memoryFs } from '../../fs/memory.js';

/** For tests: runs a cataloger on `text` at `path`, with `others` as the rest of the tree. */
export function catalogText(
  cataloger: Cataloger,
  path: string,
  text: string,
  others: Record<string, string> = {},
): Promise<CatalogResult> {
  const fs = memoryFs({ ...others, [path]: text });
  return cataloger.catalog({ path, text: async () => text, fs, logger: recordingLogger() });
}

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/', import.meta.url));

/** For tests: a fixture case folder as a tree, and the catalog of one of its files. */
export function catalogFixture(cataloger: Cataloger, caseName: string, path: string): Promise<CatalogResult> {
  const root = join(FIXTURES, caseName);
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[relative(root, full).split('\\').join('/')] = readFileSync(full, 'utf8');
    }
  };
  walk(root);
  const text = files[path];
  if (text === undefined) throw new Error(`no ${path} in fixture ${caseName}`);
  return catalogText(cataloger, path, text, files);
}

/** For tests: the catalog must succeed or throw a UserError that names the file; anything else is a bug. */
export async function parsesOrUserError(cataloger: Cataloger, path: string, text: string): Promise<void> {
  try {
    await catalogText(cataloger, path, text);
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toContain(path);
  }
}

/** For tests: JSON-ish values shaped like lockfile fragments, so fuzzing reaches past the first type check. */
export const lockishValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom('', ' ', '@s/', 'a b', 'node_modules/a', '1.0.0', 'sha512-AAAA', 'npm:b@2.0.0', 'link:../x', 'workspace:*', true, 1, 3, null),
    fc.string(),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(
      fc.constantFrom(
        ...['name', 'version', 'dependencies', 'packages', 'node_modules/a', 'a', 'link', 'resolved', 'requires', 'license'],
        ...['dev', 'optional', 'integrity', 'lockfileVersion', '', 'node_modules/@s/b', 'packages/a'],
        // Names npm could not have written, which packageurl-js refuses or trims.
        ...[' ', '@s/', 'node_modules/ ', 'node_modules/@s/', 'a b@1.0.0', ' @1.0.0'],
      ),
      tie('value'),
      { maxKeys: 5 },
    ),
  ),
})).value;
