import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extensionsOf, languageOf, registerLanguages } from './languages.js';
import { SAST_VERSION } from './tool.js';

describe('languageOf', () => {
  it.each([
    ['a.js', 'javascript'],
    ['a.mjs', 'javascript'],
    ['a.cjs', 'javascript'],
    ['src/A.JSX', 'javascript'],
    ['a.ts', 'typescript'],
    ['a.mts', 'typescript'],
    ['a.cts', 'typescript'],
    ['a.d.ts', 'typescript'],
    ['a.tsx', 'tsx'],
    ['dir.py/x.py', 'python'],
    ['A.java', 'java'],
    ['main.go', 'go'],
    ['C:\\x\\app.rb', 'ruby'],
    ['index.php', 'php'],
  ])('%s is %s', (path, language) => {
    expect(languageOf(path)).toBe(language);
  });

  it.each(['Makefile', '.py', 'a.txt', 'a.py/', 'a.', 'x.json'])('%s has no language', (path) => {
    expect(languageOf(path)).toBeUndefined();
  });

  it('lists extensions per language', () => {
    expect(extensionsOf('typescript')).toEqual(['ts', 'mts', 'cts']);
    expect(extensionsOf('python')).toEqual(['py']);
  });
});

describe('registerLanguages', () => {
  it('can be called more than once', () => {
    expect(() => {
      registerLanguages();
      registerLanguages();
    }).not.toThrow();
  });
});

describe('SAST_VERSION', () => {
  it('is the package version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(SAST_VERSION).toBe(pkg.version);
  });
});
