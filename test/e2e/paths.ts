import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CLI_BIN = resolve(ROOT, 'packages/cli/dist/bin.js');
export const REPORT_ACTION = resolve(ROOT, 'actions/report/dist/index.js');
export const EXAMPLE_REPORTS = resolve(ROOT, 'examples/reports');
export const GITLAB_SCHEMAS = resolve(ROOT, '../shared/schemas/gitlab/15.0.7');

/** The end-to-end tests run what users run: the built CLI and the committed action bundle. */
export function requireBuilt(path: string): string {
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npx -y pnpm@10 build\` first`);
  return path;
}
