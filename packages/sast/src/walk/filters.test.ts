import { describe, expect, it } from 'vitest';
import { UserError } from '@rampart/core';
import { compileFilters, normalizeGlob } from './filters.js';

describe('path filters', () => {
  it('reads globs like .gitignore lines', () => {
    expect(normalizeGlob('*.test.ts')).toBe('**/*.test.ts');
    expect(normalizeGlob('/src/*.ts')).toBe('src/*.ts');
    expect(normalizeGlob('docs/')).toBe('docs/**');
    expect(normalizeGlob('./a/b')).toBe('a/b');
    expect(normalizeGlob('a\\b\\*.js')).toBe('a/b/*.js');
  });

  it('excludes at any depth, anchors with /, and prunes matching directories', () => {
    const f = compileFilters({ exclude: ['*.test.ts', '/gen', 'fixtures/'] });
    expect(f.excludesFile('src/a.test.ts')).toBe(true);
    expect(f.excludesFile('.hidden/a.test.ts')).toBe(true);
    expect(f.excludesFile('src/a.ts')).toBe(false);
    expect(f.excludesDir('gen')).toBe(true);
    expect(f.excludesDir('src/gen')).toBe(false);
    expect(f.excludesDir('fixtures')).toBe(true);
  });

  it('requires a file to match an include and an extension when given', () => {
    const f = compileFilters({ include: ['src/**'], extensions: ['.ts', 'PY', 'd.ts'] });
    expect(f.excludesFile('src/a.ts')).toBe(false);
    expect(f.excludesFile('src/a.PY')).toBe(false);
    expect(f.excludesFile('src/a.js')).toBe(true);
    expect(f.excludesFile('lib/a.ts')).toBe(true);
    expect(f.excludesFile('src/Makefile')).toBe(true);
  });

  it('treats empty lists as no filter', () => {
    const f = compileFilters({ include: [], exclude: [''], extensions: [] });
    expect(f.excludesFile('anything/at/all.bin')).toBe(false);
  });

  it('turns a glob picomatch cannot compile into a UserError naming the field', () => {
    let thrown: unknown;
    try {
      compileFilters({ exclude: ['a'.repeat(70_000)] });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(UserError);
    expect(thrown).toMatchObject({ field: 'exclude' });
  });
});
