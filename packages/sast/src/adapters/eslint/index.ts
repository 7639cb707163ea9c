import type { ToolAdapter } from '../types.js';
import { targetsOf, zeroOrOne } from '../targets.js';
import { ESLINT_FORMAT, readEslintReport } from './read.js';

/**
 * ESLint, with the project's own config (run it with security plugins such as eslint-plugin-security
 * configured). Its JSON is read by the small reader beside this file rather than requiring
 * `@microsoft/eslint-formatter-sarif` in the scanned project. Running ESLint loads the project's config
 * file, which is code: enable it only for repositories you trust, as with `npx eslint` itself.
 */
export const eslintAdapter: ToolAdapter = {
  id: 'eslint',
  title: 'ESLint',
  binary: 'eslint',
  detect: (env, which) => which('eslint', env),
  args(ctx) {
    return ['--format', 'json-with-metadata', '--output-file', ctx.outFile, '--no-error-on-unmatched-pattern', ...targetsOf(ctx)];
  },
  format: ESLINT_FORMAT,
  reader: readEslintReport,
  // 1 means lint errors were found; 2 is a crash or a config problem.
  exitOk: zeroOrOne,
};
