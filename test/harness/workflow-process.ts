/** Runs one step's process (a `run:` script or an action's node entry) the way the runner does. */
import { spawn } from 'node:child_process';

export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/**
 * Spawns an argument vector (never a shell string) in its own process group, so whatever the step leaves running
 * in the background (a server a later step scans) can be ended with the job, by that group's id only.
 */
export function runProcess(argv: readonly [string, ...string[]], cwd: string, env: Record<string, string>, timeoutMs: number, groups: number[]): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const [cmd, ...args] = argv;
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    if (child.pid !== undefined) groups.push(child.pid);
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let settled = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) killGroup(child.pid, 'SIGKILL');
    }, timeoutMs);
    const finish = (code: number | null, signal: NodeJS.Signals | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut });
    };
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', finish);
    // A background process started by the script keeps the pipes open after the script exits: wait a moment
    // for the last output, then take what arrived, as the runner does not wait for background processes either.
    child.on('exit', (code, signal) => {
      setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        finish(code, signal);
      }, 500).unref();
    });
  });
}

export function killGroup(pgid: number, signal: NodeJS.Signals = 'SIGTERM'): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // The group is already gone.
  }
}
