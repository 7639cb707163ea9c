import { describe, expect, it } from 'vitest';
import { resolveCacheDir } from './cache-dir.js';

describe('resolveCacheDir', () => {
  it('RAMPART_CACHE_DIR wins everywhere', () => {
    expect(resolveCacheDir({ env: { RAMPART_CACHE_DIR: '/ci/cache', XDG_CACHE_HOME: '/x' }, platform: 'linux', homedir: '/home/u' })).toBe('/ci/cache');
  });
  it('follows each platform convention', () => {
    expect(resolveCacheDir({ env: {}, platform: 'linux', homedir: '/home/u' })).toBe('/home/u/.cache/rampart');
    expect(resolveCacheDir({ env: { XDG_CACHE_HOME: '/var/cache/u' }, platform: 'linux', homedir: '/home/u' })).toBe('/var/cache/u/rampart');
    expect(resolveCacheDir({ env: { XDG_CACHE_HOME: 'relative' }, platform: 'linux', homedir: '/home/u' })).toBe('/home/u/.cache/rampart');
    expect(resolveCacheDir({ env: {}, platform: 'darwin', homedir: '/Users/u' })).toBe('/Users/u/Library/Caches/rampart');
    expect(resolveCacheDir({ env: { LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, platform: 'win32', homedir: 'C:\\Users\\u' })).toBe('C:\\Users\\u\\AppData\\Local\\rampart\\Cache');
  });
});
