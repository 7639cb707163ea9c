/**
 * Directory names skipped wherever they occur: dependencies someone else wrote, build output and tool caches.
 * Findings there are either not the team's to fix or duplicates of findings in the sources they came from.
 */
export const DEFAULT_EXCLUDED_DIRS: ReadonlySet<string> = new Set([
  '.git',
  'node_modules',
  'bower_components',
  'vendor',
  'third_party',
  'dist',
  'build',
  'out',
  'target',
  'coverage',
  '.venv',
  'venv',
  'env',
  '__pycache__',
  '.tox',
  '.next',
  '.nuxt',
  'site-packages',
]);

const MINIFIED_NAME = /\.(?:min|bundle)\.js$/i;

export function isMinifiedName(fileName: string): boolean {
  return MINIFIED_NAME.test(fileName);
}

/** Extensions whose content is checked for minification; other languages are rarely shipped minified. */
const MINIFIABLE_EXT = /\.(?:js|mjs|cjs|css)$/i;

export function isMinifiable(fileName: string): boolean {
  return MINIFIABLE_EXT.test(fileName);
}
