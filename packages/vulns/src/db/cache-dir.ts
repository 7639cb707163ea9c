import { join, win32 } from 'node:path';

export interface CacheDirInput {
  /** The environment, passed in: this module never reads process.env itself. */
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  homedir: string;
}

/**
 * Where the offline OSV mirror lives: `RAMPART_CACHE_DIR` when set, else the platform's user cache dir
 * (`$XDG_CACHE_HOME/rampart` or `~/.cache/rampart`, `~/Library/Caches/rampart`, `%LOCALAPPDATA%\rampart\Cache`).
 * CI caches this directory between jobs (actions/cache, GitLab `cache:`) to avoid pulling on every run.
 */
export function resolveCacheDir({ env, platform, homedir }: CacheDirInput): string {
  const explicit = env['RAMPART_CACHE_DIR']?.trim();
  if (explicit) return explicit;
  if (platform === 'win32') return win32.join(env['LOCALAPPDATA'] ?? win32.join(homedir, 'AppData', 'Local'), 'rampart', 'Cache');
  if (platform === 'darwin') return join(homedir, 'Library', 'Caches', 'rampart');
  const xdg = env['XDG_CACHE_HOME']?.trim();
  // XDG says a relative XDG_CACHE_HOME is invalid and must be ignored.
  return join(xdg && xdg.startsWith('/') ? xdg : join(homedir, '.cache'), 'rampart');
}
