import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { delimiter, isAbsolute, join } from 'node:path';
import type { Env } from './types.js';

async function isExecutableFile(path: string): Promise<boolean> {
  try {
    const s = await stat(path);
    if (!s.isFile()) return false;
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function pathEntries(env: Env): string[] {
  // Windows spells the variable `Path`.
  const raw = env['PATH'] ?? env['Path'] ?? '';
  // Empty and relative entries resolve against the working directory, which is often the checkout being
  // scanned: a repository could plant its own `bandit` there. Only absolute directories are searched.
  return raw.split(delimiter).filter((dir) => dir !== '' && isAbsolute(dir));
}

function candidates(binary: string, env: Env, platform: NodeJS.Platform): string[] {
  if (platform !== 'win32') return [binary];
  const exts = (env['PATHEXT'] ?? '.EXE;.CMD;.BAT;.COM').split(';').filter((e) => e !== '');
  return [binary, ...exts.map((e) => `${binary}${e.toLowerCase()}`)];
}

/**
 * The first executable named `binary` in the absolute directories of `env.PATH`, like `command -v`
 * but without a shell. A name with a path separator is not looked up.
 */
export async function findOnPath(binary: string, env: Env, platform: NodeJS.Platform = process.platform): Promise<string | undefined> {
  if (binary === '' || /[\\/]/.test(binary)) return undefined;
  for (const dir of pathEntries(env)) {
    for (const name of candidates(binary, env, platform)) {
      const full = join(dir, name);
      if (await isExecutableFile(full)) return full;
    }
  }
  return undefined;
}
