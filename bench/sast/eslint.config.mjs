// The peer's configuration for the SAST benchmark: eslint-plugin-security's recommended rules and nothing else.
// run.mjs passes it with `-c` (which turns off config lookup, so the corpus' own configs are never read) and
// `--no-inline-config` (so the corpus' eslint-disable comments neither hide findings nor name unknown rules;
// Rampart does not read them either).
import { createRequire } from 'node:module';

// The plugin is installed by setup.sh into .work/tools, not into the workspace.
const require = createRequire(new URL('./.work/tools/package.json', import.meta.url));
const security = require('eslint-plugin-security');

export default [
  security.configs.recommended,
  // prepare-corpus.mjs renamed the ES modules to .mjs; every remaining .js file is CommonJS.
  { files: ['**/*.js', '**/*.cjs'], languageOptions: { sourceType: 'commonjs', ecmaVersion: 'latest' } },
  { files: ['**/*.mjs'], languageOptions: { sourceType: 'module', ecmaVersion: 'latest' } },
];
