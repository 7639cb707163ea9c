import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { UserError } from '../errors.js';

/**
 * Writes every file through a temp file in the same directory, then renames them into place, so a
 * reader never sees half a report. All temp files are written before the first rename; if any write
 * fails, every temp file is removed and no output file is touched. Returns the final paths.
 */
export async function writeOutputsAtomic(dir: string, files: readonly { name: string; content: string }[]): Promise<string[]> {
  for (const f of files) {
    if (f.name === '' || basename(f.name) !== f.name || f.name === '.' || f.name === '..') {
      throw new UserError(`output file name "${f.name}" is not a plain file name`, { field: 'name', expected: 'a file name without directories' });
    }
  }
  await mkdir(dir, { recursive: true });
  const tag = `${process.pid}.${randomBytes(4).toString('hex')}`;
  const staged = files.map((f) => ({ temp: join(dir, `.${f.name}.${tag}.tmp`), final: join(dir, f.name), content: f.content }));
  // allSettled: removing a temp that was never created can fail too (a name the file system
  // refuses), and that must neither hide the original error nor stop the other removals.
  const cleanup = () => Promise.allSettled(staged.map((s) => rm(s.temp, { force: true })));
  try {
    for (const s of staged) await writeFile(s.temp, s.content, { encoding: 'utf8', flag: 'wx' });
    // Renames within one directory are atomic per file; a failure here (rare: the directory
    // vanished) can leave earlier files renamed, but never a half-written one.
    for (const s of staged) await rename(s.temp, s.final);
  } catch (e) {
    await cleanup();
    throw e;
  }
  return staged.map((s) => s.final);
}
