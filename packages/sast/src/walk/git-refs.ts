import { UserError } from '@rampart/core';
import { GitError, gitOutput } from './git-run.js';

export const DEFAULT_REF_FIELD = '--changed-since';

const FETCH_HINT = 'in CI, fetch it first: actions/checkout with fetch-depth: 0, or GIT_DEPTH: 0 in GitLab';

/**
 * Resolves a user-given ref to a commit id, so later commands get an unambiguous hash. `field` names the flag the
 * ref came from, for the error message.
 */
export async function resolveCommit(root: string, ref: string, field = DEFAULT_REF_FIELD): Promise<string> {
  // A ref starting with '-' would be read by git as an option.
  if (ref.trim() === '' || ref.startsWith('-') || ref.includes('\0')) {
    throw new UserError(`"${ref}" is not a git ref`, { field, expected: 'a branch, tag or commit, e.g. origin/main' });
  }
  await assertWorkTree(root, field);
  try {
    const out = await gitOutput(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
    return out.trim();
  } catch (err) {
    if (!(err instanceof GitError)) throw err;
    throw new UserError(`git does not know the ref "${ref}"`, {
      field,
      expected: `a branch, tag or commit present in this clone (${FETCH_HINT})`,
    });
  }
}

/** The commit a pull request branched from: what `<ref>...HEAD` diffs against. */
export async function mergeBase(root: string, commit: string, ref: string, field = DEFAULT_REF_FIELD): Promise<string> {
  try {
    return (await gitOutput(root, ['merge-base', commit, 'HEAD'])).trim();
  } catch (err) {
    if (!(err instanceof GitError) || err.code !== 1) throw err;
    throw new UserError(`"${ref}" and HEAD share no history in this clone`, {
      field,
      expected: `a ref whose history meets HEAD's; a shallow clone hides it (${FETCH_HINT})`,
    });
  }
}

async function assertWorkTree(root: string, field: string): Promise<void> {
  const inside = await gitOutput(root, ['rev-parse', '--is-inside-work-tree']).catch((err: unknown) => {
    if (err instanceof GitError) return 'false';
    throw err;
  });
  if (inside.trim() !== 'true') {
    throw new UserError(`${root} is not inside a git work tree`, { file: root, field, expected: 'a git checkout' });
  }
  const head = await gitOutput(root, ['rev-parse', '--verify', '--quiet', 'HEAD']).catch(() => '');
  if (head.trim() === '') {
    throw new UserError(`the repository at ${root} has no commits yet`, { file: root, field, expected: 'a checkout with HEAD at a commit' });
  }
}
