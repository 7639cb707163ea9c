import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMPARATORS, comparatorFor } from './index.js';
import type { VersionComparator } from './types.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const modules = readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.testkit.ts') && f !== 'index.ts');

function isComparator(value: unknown): value is VersionComparator {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<VersionComparator>;
  return Array.isArray(v.ecosystems) && typeof v.isValid === 'function' && typeof v.compare === 'function';
}

describe('comparator registry', () => {
  it('lists every comparator exported by a file of this folder', async () => {
    const exported: VersionComparator[] = [];
    for (const file of modules) {
      const mod = (await import(`./${file}`)) as Record<string, unknown>;
      exported.push(...Object.values(mod).filter(isComparator));
    }
    expect(exported.length).toBeGreaterThan(0);
    for (const c of exported) expect(COMPARATORS, c.ecosystems.join(',')).toContain(c);
    expect(new Set(COMPARATORS).size).toBe(COMPARATORS.length);
  });

  it('claims every ecosystem name once', () => {
    const names = COMPARATORS.flatMap((c) => c.ecosystems);
    expect(names.length).toBeGreaterThan(0);
    expect(new Set(names).size).toBe(names.length);
  });

  it('resolves OSV ecosystem names with their release suffix', () => {
    expect(comparatorFor('Debian:12')?.ecosystems).toContain('Debian');
    expect(comparatorFor('Ubuntu:22.04:LTS')?.ecosystems).toContain('Ubuntu');
    expect(comparatorFor('npm')?.ecosystems).toContain('npm');
    expect(comparatorFor('crates.io')?.ecosystems).toContain('crates.io');
    expect(comparatorFor('Go')?.ecosystems).toContain('Go');
    expect(comparatorFor('PyPI')?.ecosystems).toContain('PyPI');
    expect(comparatorFor('Alpine:v3.20')?.ecosystems).toContain('Alpine');
    expect(comparatorFor('Red Hat:enterprise_linux:9::appstream')?.ecosystems).toContain('Red Hat');
    expect(comparatorFor('NotAnEcosystem')).toBeUndefined();
  });

  it("covers the OSV ecosystems that Rampart's catalogers produce", () => {
    const osv = ['npm', 'crates.io', 'Go', 'PyPI', 'Debian', 'Ubuntu', 'Alpine', 'Wolfi', 'Chainguard', 'Red Hat', 'Rocky Linux', 'AlmaLinux', 'openSUSE', 'SUSE', 'Mageia', 'Maven', 'RubyGems', 'NuGet', 'Packagist', 'Hex', 'Pub'];
    for (const name of osv) expect(comparatorFor(name), name).toBeDefined();
  });
});
