import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Whether a command runs here; conformance tests against real package managers skip where they are missing. */
export function runs(command: string, args: readonly string[] = ['--version']): boolean {
  try {
    return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
  } catch {
    return false;
  }
}

/**
 * Runs `command <script file> <pairs file>`, the script written to a temporary file and the version pairs to a JSON
 * file beside it, and returns the script's output lines, one per pair.
 */
export function askTool(command: string, extension: string, script: string, pairs: readonly (readonly [string, string])[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-versions-'));
  try {
    const input = join(dir, 'pairs.json');
    const file = join(dir, `check.${extension}`);
    writeFileSync(input, JSON.stringify(pairs));
    writeFileSync(file, script);
    return execFileSync(command, [file, input], { encoding: 'utf8', maxBuffer: 1 << 26 }).trim().split('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
