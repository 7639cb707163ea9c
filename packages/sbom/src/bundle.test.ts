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

/** As the actions bundle (ESM for Node 20, dependencies inside), leaving out only what `external` names. */
async function bundle(name: string, external: string[]): Promise<string> {
  const options: Options = {
    entry: { [name]: entry }, outDir: join(out, name), format: ['esm'], target: 'node20', platform: 'node',
    noExternal: [/.*/], silent: true, config: false,
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    esbuildOptions(o) {
      o.conditions = ['@rampart/source', 'import', 'module', 'node', 'default'];
      // The library's XML support is optional and not installed; it is required only when used.
      o.external = ['xmlbuilder2', 'libxmljs2', ...external];
    },
  };
  await build(options);
  return execFileSync(process.execPath, [join(out, name, `${name}.js`)], { encoding: 'utf8' });
}

describe('@rampart/sbom in an action bundle', () => {
  it('builds and validates SPDX (the schema is inlined) and builds CycloneDX with everything inside', async () => {
    const result = JSON.parse(await bundle('inlined', [])) as Record<string, unknown>;
    expect(result['spdxErrors']).toEqual([]);
    expect(result['cdxFormat']).toBe('CycloneDX');
    // The library's validator reads its schema files next to its own code; inlined, it says so instead of crashing.
    expect(result['cdxErrors']).toMatch(/keep that package external/);
  });

  it('validates CycloneDX when the bundle keeps @cyclonedx/cyclonedx-library external', async () => {
    const result = JSON.parse(await bundle('external', ['@cyclonedx/cyclonedx-library'])) as Record<string, unknown>;
    expect(result).toEqual({ spdxErrors: [], cdxFormat: 'CycloneDX', cdxErrors: [] });
  });
});
