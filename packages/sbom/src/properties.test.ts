import { makePurl, type Ecosystem, type HashAlgorithm, type Inventory, type Package, type RootComponent } from '@rampart/inventory';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCycloneDx } from './cyclonedx/build.js';
import { validateCycloneDx } from './cyclonedx/validate.js';
import { buildSpdx } from './spdx/build.js';
import { validateSpdx } from './spdx/validate.js';
import { OPTIONS, shuffled } from './testing/inventory.js';

const HEX_LENGTH: Record<HashAlgorithm, number> = { md5: 32, sha1: 40, sha256: 64, sha384: 96, sha512: 128 };
const LICENSES = ['MIT', 'Apache-2.0', 'MIT OR Apache-2.0', 'GPL-2.0-only WITH Classpath-exception-2.0', 'LicenseRef-x', 'BSD-3-Clause AND ISC', 'Not SPDX at all'];

const PREFIXES: Record<string, string[]> = {
  npm: ['', '@scope/'], maven: ['org.acme:', 'x:'], golang: ['github.com/a_b/', 'example.com/'], pypi: [''], deb: [''],
};

// pypi normalises `a_b` and `a.b` to one purl, so some inventories hold two packages with one purl: merged, as any.
const nameArb = fc
  .constantFrom<Ecosystem>('npm', 'maven', 'golang', 'pypi', 'deb')
  .chain((eco) => fc.tuple(
    fc.constant(eco),
    fc.constantFrom(...(PREFIXES[eco] ?? [''])),
    fc.tuple(fc.constantFrom('a', 'b_c', 'b.c', 'b-c', 'x~y', 'long.name-with_all'), fc.nat({ max: 4 })).map(([b, n]) => `${b}${n}`),
    fc.constantFrom('1.0.0', '2.0.0-rc.1', 'v0.9.1', '1:2.3-4', '1.0+build.5'),
  ));

const hashArb = fc.constantFrom<HashAlgorithm>('md5', 'sha1', 'sha256', 'sha384', 'sha512').chain((alg) =>
  fc
    .uint8Array({ minLength: HEX_LENGTH[alg] / 2, maxLength: HEX_LENGTH[alg] / 2 })
    .map((bytes) => ({ alg, value: Buffer.from(bytes).toString('hex') })),
);

/** Random but well-formed inventories: packages with edges among them (and some to nothing), zero to three roots. */
const inventoryArb: fc.Arbitrary<Inventory> = fc
  .record({
    names: fc.uniqueArray(nameArb, { maxLength: 12, selector: ([e, p, n, v]) => `${e}|${p}${n}|${v}` }),
    rootCount: fc.integer({ min: 0, max: 3 }),
    seed: fc.array(fc.nat(), { minLength: 64, maxLength: 64 }),
    hashes: fc.array(fc.uniqueArray(hashArb, { maxLength: 3, selector: (h) => h.alg }), { minLength: 12, maxLength: 12 }),
  })
  .map(({ names, rootCount, seed, hashes }) => {
    const pick = (i: number) => seed[i % seed.length] ?? 0;
    const purls = names.map(([eco, prefix, name, version]) => makePurl(eco, `${prefix}${name}`, version));
    const packages: Package[] = names.map(([eco, prefix, name, version], i) => ({
      purl: purls[i] as string,
      name: `${prefix}${name}`,
      version,
      ecosystem: eco,
      licenses: pick(i) % 3 === 0 ? [] : [LICENSES[pick(i) % LICENSES.length] as string],
      hashes: hashes[i] ?? [],
      direct: pick(i + 1) % 2 === 0,
      dev: pick(i + 2) % 3 === 0,
      ...(pick(i + 3) % 5 === 0 ? { optional: true } : {}),
      locations: pick(i + 4) % 2 === 0 ? ['package-lock.json'] : ['a/package-lock.json', 'package-lock.json'],
      dependsOn: [...purls.filter((_, j) => (pick(i * 7 + j) % 4 === 0 && j !== i)), ...(pick(i + 5) % 6 === 0 ? ['pkg:npm/gone@1'] : [])],
    }));
    const roots: RootComponent[] = Array.from({ length: rootCount }, (_, r) => ({
      ref: `root:app${r}/package-lock.json`,
      name: `app ${r}`,
      ecosystem: 'npm',
      manifest: `app${r}/package-lock.json`,
      dependsOn: purls.filter((_, j) => pick(r * 11 + j) % 3 === 0),
    }));
    return { roots, packages, problems: [] };
  });

describe('any well-formed inventory', () => {
  it('gives valid, deterministic CycloneDX and SPDX, whatever the input order', async () => {
    await fc.assert(
      fc.asyncProperty(inventoryArb, async (inventory) => {
        const cdx = buildCycloneDx(inventory, OPTIONS);
        expect(await validateCycloneDx(cdx)).toEqual([]);
        expect(buildCycloneDx(shuffled(inventory), OPTIONS)).toBe(cdx);
        const spdx = buildSpdx(inventory, OPTIONS);
        expect(validateSpdx(spdx)).toEqual([]);
        expect(buildSpdx(shuffled(inventory), OPTIONS)).toBe(spdx);
      }),
      { numRuns: 60 },
    );
  });
});
