import { promises as fs } from 'node:fs';
import path from 'node:path';

export interface GitDirs {
  /** The top of the work tree: the directory holding `.git`. */
  workTree: string;
  /** Where `info/exclude` lives: `.git` itself, or for linked worktrees the main repository's git dir. */
  commonDir: string;
}

/** Finds the repository enclosing `start` by looking for `.git` upwards, without running git. */
export async function findGitDirs(start: string): Promise<GitDirs | undefined> {
  for (let dir = path.resolve(start); ; ) {
    const dotGit = path.join(dir, '.git');
    const stat = await fs.lstat(dotGit).catch(() => undefined);
    if (stat?.isDirectory()) return { workTree: dir, commonDir: dotGit };
    if (stat?.isFile()) return { workTree: dir, commonDir: await linkedCommonDir(dir, dotGit) };
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** A `.git` file (worktree, submodule) says `gitdir: <dir>`; a worktree's git dir points on with `commondir`. */
async function linkedCommonDir(workTree: string, dotGitFile: string): Promise<string> {
  const text = await fs.readFile(dotGitFile, 'utf8').catch(() => '');
  const match = /^gitdir:\s*(.+?)\s*$/m.exec(text);
  if (!match?.[1]) return dotGitFile;
  const gitDir = path.resolve(workTree, match[1]);
  const common = await fs.readFile(path.join(gitDir, 'commondir'), 'utf8').catch(() => undefined);
  return common === undefined ? gitDir : path.resolve(gitDir, common.trim());
}
