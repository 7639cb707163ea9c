import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/test/fixtures/**',
      // Rule-pack test files and the example apps are deliberately vulnerable code, not ours to lint.
      'packages/sast/rules/**',
      'examples/**',
      'bench/**/.work/**',
      'bench/**/out/**', '.tmp/**', 'coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', performance: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Libraries log through the Logger interface; only entry points and scripts may print.
      'no-console': 'error',
    },
  },
  {
    files: ['packages/cli/src/bin.ts', 'packages/cli/src/io/**', 'bench/**', 'scripts/**', '**/*.test.ts', 'test/**', '**/scripts/**'],
    rules: { 'no-console': 'off' },
  },
);
