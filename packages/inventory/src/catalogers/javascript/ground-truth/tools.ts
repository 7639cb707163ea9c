import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** The monorepo root, whose devDependencies pin the real package managers the ground truth runs. */
export const REPO_ROOT = fileURLToPath(new URL('../../../../../../', import.meta.url));
export const BIN = (name: string) => join(REPO_ROOT, 'node_modules', '.bin', name);
export const YARN_BERRY = join(REPO_ROOT, 'node_modules', '@yarnpkg', 'cli-dist', 'bin', 'yarn.js');

/** Shared between runs, so a rerun installs from the package managers' caches instead of the network. */
export const CACHE = join(tmpdir(), 'rampart-ground-truth-cache');

/**
 * The managers decide on their own that they run in CI (CI=true) and then refuse to write a lockfile
 * (pnpm's frozen lockfile, yarn berry's immutable installs); these tests exist to write one.
 */
function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete out['CI'];
  delete out['npm_config_user_agent'];
  for (const key of Object.keys(out)) if (/^(npm_|NPM_CONFIG_|PNPM_|YARN_)/i.test(key) && !(key in extra)) delete out[key];
  return out;
}

export async function run(
  command: string,
  args: string[],
  cwd: string,
  extraEnv: Record<string, string> = {},
): Promise<string> {
  try {
    const { stdout } = await exec(command, args, { cwd, env: env(extraEnv), maxBuffer: 256 * 1024 * 1024 });
    return stdout;
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${command} ${args.join(' ')} in ${cwd} failed: ${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
  }
}

/** `npm ls` exits 1 when it sees a problem (a missing optional peer) but still prints the tree. */
export async function runTolerant(command: string, args: string[], cwd: string): Promise<string> {
  try {
    const { stdout } = await exec(command, args, { cwd, env: env({}), maxBuffer: 256 * 1024 * 1024 });
    return stdout;
  } catch (err) {
    const e = err as { stdout?: string };
    if (e.stdout) return e.stdout;
    throw err;
  }
}

export function writeProject(dir: string, files: Record<string, string>): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
}
