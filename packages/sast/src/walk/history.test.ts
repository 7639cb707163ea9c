import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '@rampart/core';
import { addedLinesByCommit, commitsSince, type AddedLine } from './history.js';
import { commitAll, git, initRepo, writeFiles } from './test-support.js';

async function collect(it: AsyncIterable<AddedLine>): Promise<AddedLine[]> {
  const out: AddedLine[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('git history since a ref', () => {
  let repo: string;
  let c0: string;
  let c1: string;
  let c2: string;
  let c3: string;
  beforeAll(() => {
    repo = initRepo();
    writeFiles(repo, { 'a.txt': 'one\n', 'app/old.txt': 'old secret = 1\n' });
    c0 = commitAll(repo, 'base');
    writeFiles(repo, { 'app/config.ts': 'const token = "ghp_abc";\n++ looks like a header\n@@ -1 +1 @@ too\n' });
    c1 = commitAll(repo, 'add config');
    writeFiles(repo, { 'a.txt': 'one\ntwo\n', 'app/crlf.txt': 'x\r\ny\r\n', 'app/old.txt': '' });
    c2 = commitAll(repo, 'more: with a subject\n\nand a body');
    writeFiles(repo, { 'bin.dat': Buffer.from([0, 1, 2, 0]) });
    c3 = commitAll(repo, 'binary');
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('lists the commits after the ref, oldest first, with author and subject', async () => {
    const commits = await commitsSince(repo, c0);
    expect(commits.map((c) => c.commit)).toEqual([c1, c2, c3]);
    expect(commits[1]).toEqual({
      commit: c2,
      authorName: 'Test Author',
      authorEmail: 'author@example.test',
      date: '2024-01-02T03:04:05+00:00',
      subject: 'more: with a subject',
    });
    expect((await commitsSince(repo, undefined)).map((c) => c.commit)).toEqual([c0, c1, c2, c3]);
  });

  it('yields every added line with its commit, path and line number', async () => {
    expect(await collect(addedLinesByCommit(repo, c0))).toEqual([
      { commit: c1, path: 'app/config.ts', line: 1, text: 'const token = "ghp_abc";' },
      { commit: c1, path: 'app/config.ts', line: 2, text: '++ looks like a header' },
      { commit: c1, path: 'app/config.ts', line: 3, text: '@@ -1 +1 @@ too' },
      { commit: c2, path: 'a.txt', line: 2, text: 'two' },
      { commit: c2, path: 'app/crlf.txt', line: 1, text: 'x' },
      { commit: c2, path: 'app/crlf.txt', line: 2, text: 'y' },
    ]);
  });

  it('limits history to a subdirectory root, with paths relative to it', async () => {
    const lines = await collect(addedLinesByCommit(path.join(repo, 'app'), c1));
    expect(lines).toEqual([
      { commit: c2, path: 'crlf.txt', line: 1, text: 'x' },
      { commit: c2, path: 'crlf.txt', line: 2, text: 'y' },
    ]);
  });

  it('reads the whole history without a ref', async () => {
    const lines = await collect(addedLinesByCommit(repo, undefined));
    expect(lines.slice(0, 2)).toEqual([
      { commit: c0, path: 'a.txt', line: 1, text: 'one' },
      { commit: c0, path: 'app/old.txt', line: 1, text: 'old secret = 1' },
    ]);
    expect(lines).toHaveLength(8);
  });

  it('can stop early without leaving git running', async () => {
    for await (const line of addedLinesByCommit(repo, c0)) {
      expect(line.commit).toBe(c1);
      break;
    }
  });

  it('rejects an unknown ref with a UserError naming the flag', async () => {
    await expect(collect(addedLinesByCommit(repo, 'v9.9.9'))).rejects.toBeInstanceOf(UserError);
    await expect(commitsSince(repo, 'v9.9.9', { field: '--since-commit' })).rejects.toMatchObject({ field: '--since-commit' });
  });

  it('survives a git config that would change the output format', async () => {
    for (const [key, value] of [['diff.noprefix', 'true'], ['diff.mnemonicPrefix', 'true'], ['log.showSignature', 'false'], ['diff.interHunkContext', '5'], ['color.ui', 'always']] as const) {
      git(repo, 'config', key, value);
    }
    try {
      const lines = await collect(addedLinesByCommit(repo, c1));
      expect(lines.map((l) => `${l.path}:${l.line}`)).toEqual(['a.txt:2', 'app/crlf.txt:1', 'app/crlf.txt:2']);
    } finally {
      for (const key of ['diff.noprefix', 'diff.mnemonicPrefix', 'log.showSignature', 'diff.interHunkContext', 'color.ui']) git(repo, 'config', '--unset', key);
    }
  });
});
