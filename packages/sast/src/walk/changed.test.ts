import { rmSync, unlinkSync, renameSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '@rampart/core';
import { changedFiles, changedLines, onChangedLines } from './changed.js';
import { commitAll, git, initRepo, tmpDir, writeFiles } from './test-support.js';

const lines = (n: number, tag = 'line'): string => Array.from({ length: n }, (_, i) => `${tag} ${i + 1}`).join('\n') + '\n';

async function userError(p: Promise<unknown>): Promise<UserError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UserError);
  return err as UserError;
}

describe('changed files and lines of a pull request branch', () => {
  let repo: string;
  beforeAll(() => {
    repo = initRepo();
    writeFiles(repo, { 'a.ts': lines(5), 'b.ts': lines(20, 'bee'), 'c.ts': lines(2), 'pkg/inner.ts': lines(3), 'del.ts': lines(4) });
    commitAll(repo, 'base');
    git(repo, 'checkout', '-q', '-b', 'feature');
    writeFiles(repo, {
      'a.ts': 'line 1\nCHANGED 2\nline 3\nline 4\nline 5\nadded 6\nadded 7\n',
      'd.ts': lines(3, 'new'),
      'my file.ts': 'spaces in the name\n',
      'pkg/inner.ts': 'line 1\nline 2\nline 3\nline 4\n',
      'del.ts': 'line 1\nline 4\n',
    });
    unlinkSync(path.join(repo, 'c.ts'));
    mkdirSync(path.join(repo, 'sub'));
    renameSync(path.join(repo, 'b.ts'), path.join(repo, 'sub/b2.ts'));
    writeFileSync(path.join(repo, 'sub/b2.ts'), lines(20, 'bee').replace('bee 10\n', 'bee ten\n'));
    commitAll(repo, 'feature work');
    // main moves on after the branch point: its changes are not the pull request's.
    git(repo, 'checkout', '-q', 'main');
    writeFiles(repo, { 'e.ts': 'on main only\n', 'a.ts': lines(5).replace('line 5', 'main 5') });
    commitAll(repo, 'main moves');
    git(repo, 'checkout', '-q', 'feature');
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('lists added, modified and renamed files since the merge base, not deleted ones or main’s', async () => {
    expect(await changedFiles(repo, 'main')).toEqual(['a.ts', 'd.ts', 'del.ts', 'my file.ts', 'pkg/inner.ts', 'sub/b2.ts']);
  });

  it('maps each file to its added line ranges; deletions alone leave an empty list', async () => {
    const map = await changedLines(repo, 'main');
    expect(Object.fromEntries(map)).toEqual({
      'a.ts': [
        { start: 2, end: 2 },
        { start: 6, end: 7 },
      ],
      'd.ts': [{ start: 1, end: 3 }],
      'del.ts': [],
      'my file.ts': [{ start: 1, end: 1 }],
      'pkg/inner.ts': [{ start: 4, end: 4 }],
      'sub/b2.ts': [{ start: 10, end: 10 }],
    });
    expect(onChangedLines('a.ts', 2, map)).toBe(true);
    expect(onChangedLines('a.ts', 3, map)).toBe(false);
    expect(onChangedLines('a.ts', 7, map)).toBe(true);
    expect(onChangedLines('./sub\\b2.ts', 10, map)).toBe(true);
    expect(onChangedLines('del.ts', 1, map)).toBe(false);
    expect(onChangedLines('e.ts', 1, map)).toBe(false);
  });

  it('limits paths to a subdirectory root and makes them relative to it', async () => {
    const pkg = path.join(repo, 'pkg');
    expect(await changedFiles(pkg, 'main')).toEqual(['inner.ts']);
    expect(Object.fromEntries(await changedLines(pkg, 'main'))).toEqual({ 'inner.ts': [{ start: 4, end: 4 }] });
  });

  it('counts uncommitted and untracked work only when asked', async () => {
    writeFiles(repo, { 'wip.ts': 'untracked\n', 'd.ts': lines(3, 'new') + 'uncommitted 4\n' });
    try {
      expect(await changedFiles(repo, 'main')).not.toContain('wip.ts');
      expect(await changedFiles(repo, 'main', { includeUncommitted: true })).toContain('wip.ts');
      const map = await changedLines(repo, 'main', { includeUncommitted: true });
      expect(map.get('d.ts')).toEqual([{ start: 1, end: 4 }]);
      expect(onChangedLines('wip.ts', 12345, map)).toBe(true);
      expect((await changedLines(repo, 'main')).get('d.ts')).toEqual([{ start: 1, end: 3 }]);
    } finally {
      unlinkSync(path.join(repo, 'wip.ts'));
      git(repo, 'checkout', '-q', '--', 'd.ts');
    }
  });

  it('rejects a ref git does not know, naming --changed-since', async () => {
    const err = await userError(changedFiles(repo, 'origin/nope'));
    expect(err.field).toBe('--changed-since');
    expect(err.message).toContain('origin/nope');
    expect(err.expected).toMatch(/fetch-depth: 0/);
    expect((await userError(changedLines(repo, '--output=/tmp/x'))).field).toBe('--changed-since');
    expect((await userError(changedFiles(repo, 'nope', { field: '--since' }))).field).toBe('--since');
  });

  it('explains a ref that shares no history with HEAD (a shallow or unrelated clone)', async () => {
    git(repo, 'checkout', '-q', '--orphan', 'unrelated');
    git(repo, 'commit', '-q', '--allow-empty', '-m', 'orphan');
    try {
      const err = await userError(changedFiles(repo, 'main'));
      expect(err.message).toMatch(/share no history/);
    } finally {
      git(repo, 'checkout', '-q', '-f', 'feature');
    }
  });

  it('rejects a directory that is not a git checkout', async () => {
    const dir = tmpDir('not-git');
    try {
      const err = await userError(changedFiles(dir, 'main'));
      expect(err.message).toMatch(/not inside a git work tree/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('onChangedLines', () => {
  it('finds a line in many sorted ranges', () => {
    const ranges = Array.from({ length: 100 }, (_, i) => ({ start: i * 10, end: i * 10 + 2 }));
    const map = new Map([['f', ranges]]);
    for (let line = 0; line < 1000; line++) expect(onChangedLines('f', line, map)).toBe(line % 10 <= 2);
  });
});
