import { readFileSync } from 'node:fs';

/** Test-only: the text of `test/fixtures/config/<name>/.rampart.yml`. */
export function configFixture(name: string): string {
  return readFileSync(new URL(`../../test/fixtures/config/${name}/.rampart.yml`, import.meta.url), 'utf8');
}
