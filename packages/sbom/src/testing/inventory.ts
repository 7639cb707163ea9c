/** Hand-made inventories for the tests (the catalogers are written separately). Tests only. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Inventory, Package, RootComponent } from '@rampart/inventory';

export function pkg(over: Partial<Package> & Pick<Package, 'purl' | 'name' | 'version'>): Package {
  return {
    ecosystem: 'npm',
    licenses: [],
    hashes: [],
    direct: false,
    dev: false,
    locations: ['package-lock.json'],
    dependsOn: [],
    ...over,
  };
}

export function root(over: Partial<RootComponent> & Pick<RootComponent, 'ref' | 'name'>): RootComponent {
  return { ecosystem: 'npm', manifest: 'package-lock.json', dependsOn: [], ...over };
}

export function inventory(roots: RootComponent[], packages: Package[]): Inventory {
  return { roots, packages, problems: [] };
}

export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../../test/fixtures/${name}`, import.meta.url));
}

export function readFixture(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

export const OPTIONS = {
  toolName: 'rampart',
  toolVersion: '0.1.0',
  timestamp: new Date('2024-05-01T12:00:00Z'),
  projectName: 'demo',
} as const;

/** Same content, another order: every list reversed and the packages rotated. */
export function shuffled(inv: Inventory): Inventory {
  const packages = [...inv.packages].reverse().map((p) => ({
    ...p,
    hashes: [...p.hashes].reverse(),
    locations: [...p.locations].reverse(),
    dependsOn: [...p.dependsOn].reverse(),
  }));
  const first = packages.shift();
  if (first) packages.push(first);
  return {
    roots: [...inv.roots].reverse().map((r) => ({ ...r, dependsOn: [...r.dependsOn].reverse() })),
    packages,
    problems: inv.problems,
  };
}
