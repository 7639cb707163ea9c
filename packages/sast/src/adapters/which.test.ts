import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './test-support.js';
import { findOnPath } from './which.js';

async function tool(dir: string, name: string, mode: number): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, name);
  await writeFile(path, '#!/bin/sh\n');
  await chmod(path, mode);
  return path;
}

describe('findOnPath', () => {
  it('returns the first executable in PATH order, skipping files that are not executable', async () => {
    const base = await tempDir('rampart-which-');
    await tool(join(base, 'a'), 'bandit', 0o644);
    const b = await tool(join(base, 'b'), 'bandit', 0o755);
    await tool(join(base, 'c'), 'bandit', 0o755);
    const env = { PATH: [join(base, 'a'), join(base, 'b'), join(base, 'c')].join(delimiter) };
    expect(await findOnPath('bandit', env, 'linux')).toBe(b);
  });

  it('ignores empty and relative PATH entries, which would search the scanned checkout', async () => {
    const base = await tempDir('rampart-which-');
    await tool(join(base, 'bin'), 'semgrep', 0o755);
    expect(await findOnPath('semgrep', { PATH: ['', 'bin', './bin'].join(delimiter) }, 'linux')).toBeUndefined();
  });

  it('does not look up names with a path separator, and finds nothing without PATH', async () => {
    const base = await tempDir('rampart-which-');
    await tool(join(base, 'bin'), 'eslint', 0o755);
    expect(await findOnPath('../bin/eslint', { PATH: join(base, 'bin') }, 'linux')).toBeUndefined();
    expect(await findOnPath('eslint', {}, 'linux')).toBeUndefined();
  });

  it('skips a directory that carries the tool name', async () => {
    const base = await tempDir('rampart-which-');
    await mkdir(join(base, 'a', 'gitleaks'), { recursive: true });
    expect(await findOnPath('gitleaks', { PATH: join(base, 'a') }, 'linux')).toBeUndefined();
  });
});
