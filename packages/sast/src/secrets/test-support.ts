import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Test-only helpers: where the fixtures are and the examples every rule must have. */
export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/secrets');

export interface RuleExamples {
  positive: string[];
  negative: string[];
}

export function loadExamples(): Record<string, RuleExamples> {
  return JSON.parse(readFileSync(join(FIXTURES, 'rules/examples.json'), 'utf8')) as Record<string, RuleExamples>;
}

export function readFixture(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8');
}
