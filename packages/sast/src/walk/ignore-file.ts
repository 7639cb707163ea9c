import { promises as fs } from 'node:fs';
import ignore, { type Ignore } from 'ignore';

/** Bigger than any hand-written ignore file; a cap so a hostile checkout cannot make us read gigabytes. */
const MAX_IGNORE_FILE_BYTES = 4 * 1024 * 1024;

/**
 * Compiles the text of a `.gitignore`-syntax file. Case-sensitive like git on Linux, so the result is the same on
 * every CI runner whatever the host file system does.
 */
export function parseIgnoreText(text: string): Ignore {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return ignore({ ignorecase: false }).add(body);
}

/**
 * Reads an ignore file if it is a regular file. Like git (2.32+), a symlinked ignore file inside the tree is not
 * followed: its target could be outside the checkout.
 */
export async function readIgnoreFile(absPath: string): Promise<Ignore | undefined> {
  let stat;
  try {
    stat = await fs.lstat(absPath);
  } catch {
    return undefined;
  }
  if (!stat.isFile() || stat.size > MAX_IGNORE_FILE_BYTES) return undefined;
  return parseIgnoreText(await fs.readFile(absPath, 'utf8'));
}
