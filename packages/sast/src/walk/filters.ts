import picomatch from 'picomatch';
import { UserError } from '@rampart/core';

type Matcher = (relPath: string) => boolean;

export interface PathFilters {
  /** An exclude glob matches the directory itself, so nothing under it needs to be listed. */
  excludesDir(relDir: string): boolean;
  /** The file fails include, exclude or extensions. */
  excludesFile(relPath: string): boolean;
}

export interface FilterOptions {
  include?: string[] | undefined;
  exclude?: string[] | undefined;
  extensions?: string[] | undefined;
}

export function compileFilters(opts: FilterOptions): PathFilters {
  const include = opts.include && opts.include.length > 0 ? compileGlobs(opts.include, 'include') : undefined;
  const exclude = compileGlobs(opts.exclude ?? [], 'exclude');
  const extensions = opts.extensions?.map(normalizeExtension).filter((e) => e !== '.');
  return {
    excludesDir: (relDir) => exclude(relDir),
    excludesFile: (relPath) => {
      if (exclude(relPath)) return true;
      if (include && !include(relPath)) return true;
      if (extensions && extensions.length > 0) {
        const lower = relPath.toLowerCase();
        return !extensions.some((ext) => lower.endsWith(ext));
      }
      return false;
    },
  };
}

function normalizeExtension(ext: string): string {
  const trimmed = ext.trim().toLowerCase();
  return trimmed.startsWith('.') ? trimmed : `.${trimmed}`;
}

/**
 * Globs read like .gitignore lines, which is what users of Semgrep and Trivy expect: without a `/` a glob matches a
 * name at any depth (`*.test.ts`), a leading `/` anchors it at the root, and a trailing `/` means everything below.
 */
export function normalizeGlob(glob: string): string {
  let g = glob.trim().replace(/\\/g, '/');
  if (g.startsWith('./')) g = g.slice(2);
  if (g.endsWith('/')) g = `${g}**`;
  if (g.startsWith('/')) return g.replace(/^\/+/, '');
  return g.includes('/') ? g : `**/${g}`;
}

function compileGlobs(globs: string[], field: string): Matcher {
  const usable = globs.filter((g) => g.trim() !== '');
  if (usable.length === 0) return () => false;
  try {
    return picomatch(usable.map(normalizeGlob), { dot: true });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new UserError(`invalid glob in ${usable.join(', ')}: ${message}`, {
      field,
      expected: 'picomatch globs such as "src/**" or "*.test.ts"',
    });
  }
}
