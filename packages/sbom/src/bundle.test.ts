import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Options } from 'tsup';
import { afterAll, describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('../test/fixtures/bundle/entry.ts', import.meta.url));
// Inside the package, so that a bundle that leaves a dependency external finds it in node_modules.
const tmpRoot = fileURLToPath(new URL('../.tmp/', import.meta.url));
mkdirSync(tmpRoot, { recursive: true });
const out = mkdtempSync(join(tmpRoot, 'bundle-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/**
 * As actions/sbom bundles: ESM for Node 20, everything inside except @cyclonedx/cyclonedx-library, which stays
 * external and is vendored beside the bundle, because its validator reads its schema files from its own directory
 * when it loads (inlined, `__dirname` is gone and the import itself fails).
 */
async function bundle(name: string): Promise<string> {
  const options: Options = {
    entry: { [name]: entry }, outDir: join(out, name), format: ['esm'], target: 'node20', platform: 'node',
    noExternal: [/^(?!@cyclonedx\/cyclonedx-library$).*/], external: ['@cyclonedx/cyclonedx-library'],
    silent: true, config: false,
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    esbuildOptions(o) {
      o.conditions = ['@rampart/source', 'import', 'module', 'node', 'default'];
    },
  };
  await build(options);
  return execFileSync(process.execPath, [join(out, name, `${name}.js`)], { encoding: 'utf8' });
}

describe('@rampart/sbom in an action bundle', () => {
  it('builds and validates both documents, with the SPDX schema inlined', async () => {
    const result = JSON.parse(await bundle('action')) as Record<string, unknown>;
    expect(result).toEqual({ spdxErrors: [], cdxFormat: 'CycloneDX', cdxErrors: [] });
  });
});
