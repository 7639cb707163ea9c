import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordingLogger } from '@rampart/core';
import { PackageURL } from 'packageurl-js';
import { expect } from 'vitest';
import type { CatalogResult, Cataloger } from '../cataloger.js';
import { memoryFs } from '../fs/memory.js';
import { nodeFs } from '../fs/node.js';

/** Test support for the catalogers' own tests: no production code imports this file. */
export const FIXTURES = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));

/** Runs a cataloger on `file` inside the fixture case `caseDir`, with that case's tree as its filesystem. */
export function fixtureRunner(c: Cataloger, file: string): (caseDir: string) => Promise<CatalogResult> {
  return (caseDir) => {
    const fs = nodeFs(join(FIXTURES, caseDir));
    return c.catalog({ path: file, text: () => fs.readText(file), fs, logger: recordingLogger() });
  };
}

/** Runs a cataloger on text given as the file at `path`, alone in an in-memory tree. */
export function textRunner(c: Cataloger, path: string): (text: string) => Promise<CatalogResult> {
  return (text) => c.catalog({ path, text: async () => text, fs: memoryFs({ [path]: text }), logger: recordingLogger() });
}

/** What the contract test checks on fixtures, checked on every generated input that parses. */
export function expectConsistent(result: CatalogResult): void {
  const purls = new Set(result.packages.map((p) => p.purl));
  for (const p of result.packages) {
    expect(PackageURL.fromString(p.purl).version).toBe(p.version);
    for (const d of p.dependsOn) expect(purls).toContain(d);
  }
  for (const d of result.root?.dependsOn ?? []) expect(purls).toContain(d);
}
