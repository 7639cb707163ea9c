import type { Options } from 'tsup';

/**
 * The one tsup configuration every package and action extends, so that a change of bundler
 * later touches this file only.
 */
export function baseConfig(overrides: Options = {}): Options {
  return {
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    sourcemap: true,
    clean: true,
    splitting: false,
    treeshake: true,
    esbuildOptions(options) {
      // Workspace packages export their TypeScript sources under this condition, so a bundle
      // never depends on another package having been built first.
      options.conditions = ['@rampart/source', 'import', 'module', 'node', 'default'];
    },
    ...overrides,
  };
}
