import { spawn } from 'node:child_process';

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  error?: Error;
}

/**
 * Runs a tool without blocking the event loop: debootstrap and umoci take minutes on a cold cache, and a test
 * worker that blocks that long loses its connection to the vitest runner.
 */
export function run(cmd: string, args: readonly string[], input?: string): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (stdout.length > 1_000_000) stdout = stdout.slice(-500_000);
    });
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (stderr.length > 1_000_000) stderr = stderr.slice(-500_000);
    });
    child.on('error', (error) => resolve({ code: null, stdout, stderr, error }));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** Runs a tool and fails with its exit status and the end of its stderr when it does not succeed. */
export async function runOk(cmd: string, args: readonly string[], hint = ''): Promise<string> {
  const result = await run(cmd, args);
  if (result.code !== 0) {
    throw new Error(
      `${cmd} ${args.join(' ')} failed (exit ${result.code})${hint}: ${result.error?.message ?? ''}\n${result.stderr.slice(-3000)}`,
    );
  }
  return result.stdout;
}
