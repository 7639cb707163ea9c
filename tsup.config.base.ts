import type { Options } from 'tsup';

/**
 * The one tsup configuration every package and action extends, so that a change of bundler
 * later touches this file only.
 */
/**
 * For bundles that inline CommonJS dependencies (yaml, picomatch): esbuild's ESM output has no `require`,
 * so the banner gives it one.
 */
export const REQUIRE_BANNER = {
  js: [
    "import { createRequire as __rampartCreateRequire } from 'node:module';",
    'const require = __rampartCreateRequire(import.meta.url);',
    // Bundled @actions/* bring their own undici, which installs its Agent as the process-wide fetch dispatcher on
    // load unless one is there; Node's fetch then runs on an Agent of another undici version and crashes on some
    // responses (an HTTP/1.0 body read with backpressure). Creating a Response loads Node's own undici first.
    'void new Response(null);',
  ].join('\n'),
};

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

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * An action's bundle: the runner executes dist/*.js with no node_modules, so everything is bundled except the
 * packages an action vendors beside its bundle (`vendored`: package names, or scopes written `@scope/`).
 */
export function actionConfig(opts: { entry?: Record<string, string>; vendored?: string[] } = {}): Options {
  const vendored = opts.vendored ?? [];
  const pattern = (v: string): string => escapeRegExp(v) + (v.endsWith('/') ? '' : '$');
  return baseConfig({
    entry: opts.entry ?? { index: 'src/index.ts' },
    outDir: 'dist',
    noExternal: vendored.length === 0 ? [/.*/] : [new RegExp(`^(?!${vendored.map(pattern).join('|')}).*`)],
    ...(vendored.length > 0 ? { external: vendored.map((v) => (v.endsWith('/') ? new RegExp(`^${escapeRegExp(v)}`) : v)) } : {}),
    sourcemap: false,
    minify: false,
    banner: REQUIRE_BANNER,
  });
}
