import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '@rampart/core';
import { walkFiles } from './walk.js';
import { tmpDir, writeFiles } from './test-support.js';
import type { WalkResult } from './types.js';

const paths = (r: WalkResult): string[] => r.files.map((f) => f.path);
const reasons = (r: WalkResult): Record<string, string> => Object.fromEntries(r.skipped.map((s) => [s.path, s.reason]));

const normalJs = Array.from({ length: 600 }, (_, i) => `const value${i} = compute(${i});`).join('\n') + '\n';
const bundleJs = '/*! license banner */\n' + 'var a=1;'.repeat(3000) + '\n';

describe('walkFiles on a tree with every kind of entry', () => {
  let base: string;
  let root: string;
  beforeAll(() => {
    base = tmpDir('walk');
    root = path.join(base, 'repo');
    writeFiles(base, { 'outside/secret.txt': 'do not read\n', 'outside/dir/x.ts': 'x\n' });
    writeFiles(root, {
      '.git/info/exclude': 'local-only.txt\n',
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': '*.log\n!keep.log\nsecret-build/\n',
      '.rampartignore': 'docs/generated/\n',
      '.github/workflows/ci.yml': 'on: push\n',
      'local-only.txt': 'mine\n',
      'scratch.tmp': 'root level: src/.gitignore does not reach here\n',
      'debug.log': 'log\n',
      'keep.log': 'kept by negation\n',
      'empty.txt': '',
      'a.txt': 'sorts before the a/ directory\n',
      'a/b.ts': 'export {};\n',
      'src/app.ts': 'export const x = 1;\n',
      'src/.gitignore': '*.tmp\n',
      'src/scratch.tmp': 'ignored by the nested .gitignore\n',
      'src/deep/more.tmp': 'nested .gitignore applies to its whole subtree\n',
      'secret-build/out.js': 'x\n',
      'docs/readme.md': '# docs\n',
      'docs/generated/api.md': '# generated\n',
      'node_modules/lib/index.js': 'module.exports = 1;\n',
      'lib/vendor/dep.js': 'x\n',
      'build/out.js': 'x\n',
      'image.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]),
      'app.min.js': 'x\n',
      'bundle-out.js': bundleJs,
      'normal.js': normalJs,
      'big.txt': Buffer.alloc(1024 * 1024 + 1, 0x61),
      'exact.txt': Buffer.alloc(1024 * 1024, 0x61),
    });
    symlinkSync(path.join(base, 'outside/secret.txt'), path.join(root, 'link-out.txt'));
    symlinkSync(path.join(base, 'outside/dir'), path.join(root, 'link-dir'));
    execFileSync('mkfifo', [path.join(root, 'pipe')]);
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('returns exactly the files a scanner should read, sorted', async () => {
    const result = await walkFiles(root);
    expect(paths(result)).toEqual([
      '.github/workflows/ci.yml',
      '.gitignore',
      '.rampartignore',
      'a.txt',
      'a/b.ts',
      'docs/readme.md',
      'empty.txt',
      'exact.txt',
      'keep.log',
      'normal.js',
      'scratch.tmp',
      'src/.gitignore',
      'src/app.ts',
    ]);
    const app = result.files.find((f) => f.path === 'src/app.ts');
    expect(app).toEqual({ path: 'src/app.ts', absPath: path.join(root, 'src/app.ts'), size: 20 });
  });

  it('says why every other entry was left out, without listing what is under skipped directories', async () => {
    const result = await walkFiles(root);
    expect(reasons(result)).toEqual({
      '.git': 'vendored',
      'app.min.js': 'minified',
      'big.txt': 'too-large',
      build: 'vendored',
      'bundle-out.js': 'minified',
      'debug.log': 'ignored',
      'docs/generated': 'ignored',
      'image.png': 'binary',
      'lib/vendor': 'vendored',
      'link-dir': 'symlink',
      'link-out.txt': 'symlink',
      'local-only.txt': 'ignored',
      node_modules: 'vendored',
      'secret-build': 'ignored',
      'src/deep/more.tmp': 'ignored',
      'src/scratch.tmp': 'ignored',
    });
    expect(result.skipped.map((s) => s.path)).toEqual([...result.skipped.map((s) => s.path)].sort());
  });

  it('never reads through a symlink', async () => {
    const result = await walkFiles(root, { defaultExcludes: false, respectGitignore: false });
    expect(paths(result).some((p) => p.startsWith('link-'))).toBe(false);
    expect(result.files.every((f) => f.absPath.startsWith(root + path.sep))).toBe(true);
  });

  it('without gitignore, still applies .rampartignore', async () => {
    const result = await walkFiles(root, { respectGitignore: false });
    expect(paths(result)).toEqual(expect.arrayContaining(['debug.log', 'local-only.txt', 'src/scratch.tmp', 'secret-build/out.js']));
    expect(reasons(result)['docs/generated']).toBe('ignored');
  });

  it('without default excludes, walks vendored directories and keeps bundles', async () => {
    const result = await walkFiles(root, { defaultExcludes: false });
    expect(paths(result)).toEqual(expect.arrayContaining(['node_modules/lib/index.js', 'lib/vendor/dep.js', 'app.min.js', 'bundle-out.js']));
    expect(Object.values(reasons(result))).not.toContain('vendored');
    expect(Object.values(reasons(result))).not.toContain('minified');
    // Binary detection is not a default exclude: .git objects and images are still not text.
    expect(reasons(result)['image.png']).toBe('binary');
  });

  it('applies include, exclude and extensions', async () => {
    const onlyTs = await walkFiles(root, { extensions: ['TS'] });
    expect(paths(onlyTs)).toEqual(['a/b.ts', 'src/app.ts']);
    expect(reasons(onlyTs)['a.txt']).toBe('excluded');
    const excluded = await walkFiles(root, { exclude: ['docs/', '*.txt', '/src/app.ts'] });
    expect(reasons(excluded)).toMatchObject({ docs: 'excluded', 'a.txt': 'excluded', 'empty.txt': 'excluded', 'src/app.ts': 'excluded' });
    expect(paths(excluded)).not.toContain('docs/readme.md');
    const included = await walkFiles(root, { include: ['src/**', '*.md'] });
    expect(paths(included)).toEqual(['docs/readme.md', 'src/.gitignore', 'src/app.ts']);
  });

  it('honours a smaller size limit', async () => {
    const result = await walkFiles(root, { maxFileBytes: 10 });
    expect(reasons(result)['src/app.ts']).toBe('too-large');
    expect(paths(result)).toContain('empty.txt');
  });

  it('rejects a root that is not a directory, and a bad size limit', async () => {
    await expect(walkFiles(path.join(root, 'a.txt'))).rejects.toBeInstanceOf(UserError);
    await expect(walkFiles(path.join(base, 'missing'))).rejects.toThrow(/not a directory/);
    await expect(walkFiles(root, { maxFileBytes: -1 })).rejects.toMatchObject({ field: 'maxFileBytes' });
  });
});

describe('ignore files around the walk root', () => {
  it('applies .gitignore files above the root, relative to where they live', async () => {
    const repo = tmpDir('walk-outer');
    writeFiles(repo, {
      '.git/info/exclude': 'packages/a/excluded.ts\n',
      '.gitignore': 'packages/a/gen/\n*.bak\n',
      'packages/.gitignore': 'a/tmp-*\n',
      'packages/a/gen/x.ts': 'x\n',
      'packages/a/x.bak': 'x\n',
      'packages/a/tmp-1.ts': 'x\n',
      'packages/a/excluded.ts': 'x\n',
      'packages/a/y.ts': 'y\n',
    });
    const result = await walkFiles(path.join(repo, 'packages/a'));
    expect(paths(result)).toEqual(['y.ts']);
    expect(reasons(result)).toEqual({ gen: 'ignored', 'x.bak': 'ignored', 'tmp-1.ts': 'ignored', 'excluded.ts': 'ignored' });
    rmSync(repo, { recursive: true, force: true });
  });

  it('walks a root that git ignores when asked to, and lets .rampartignore re-include', async () => {
    const repo = tmpDir('walk-ignored-root');
    writeFiles(repo, {
      '.git/HEAD': 'x\n',
      '.gitignore': 'generated/\n*.gen.ts\n',
      'generated/api.ts': 'x\n',
      'generated/.rampartignore': '!*.gen.ts\n',
      'generated/client.gen.ts': 'x\n',
    });
    const result = await walkFiles(path.join(repo, 'generated'));
    expect(paths(result)).toEqual(['.rampartignore', 'api.ts', 'client.gen.ts']);
    rmSync(repo, { recursive: true, force: true });
  });

  it('does not follow a symlinked .gitignore', async () => {
    const dir = tmpDir('walk-link-ignore');
    writeFiles(dir, { 'rules.txt': '*.ts\n', 'tree/x.ts': 'x\n' });
    symlinkSync(path.join(dir, 'rules.txt'), path.join(dir, 'tree/.gitignore'));
    const result = await walkFiles(path.join(dir, 'tree'));
    expect(paths(result)).toEqual(['x.ts']);
    expect(reasons(result)).toEqual({ '.gitignore': 'symlink' });
    rmSync(dir, { recursive: true, force: true });
  });

  it('treats a directory named like a default exclude only by its name, not as a file', async () => {
    const dir = tmpDir('walk-names');
    mkdirSync(path.join(dir, 'src'), { recursive: true });
    writeFileSync(path.join(dir, 'src/build'), 'a file called build is kept\n');
    writeFiles(dir, { 'src/env/x.py': 'x\n' });
    const result = await walkFiles(dir);
    expect(paths(result)).toEqual(['src/build']);
    expect(reasons(result)).toEqual({ 'src/env': 'vendored' });
    rmSync(dir, { recursive: true, force: true });
  });
});
