import { spawn } from 'node:child_process';
import type { Env } from './types.js';

/** Enough of a tool's stderr to show why it failed, without holding a chatty tool's whole log. */
const TAIL_CHARS = 4000;
/** Time a tool gets to exit after SIGTERM before it is killed outright. */
const KILL_GRACE_MS = 2000;

export interface ToolRun {
  /** Exit status, or null when a signal ended the process. */
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** The last characters of stderr (and of stdout, for tools that report errors there). */
  stderrTail: string;
  stdoutTail: string;
}

function keepTail(prev: string, chunk: string): string {
  const next = prev + chunk;
  return next.length > TAIL_CHARS ? next.slice(next.length - TAIL_CHARS) : next;
}

/**
 * Runs `file` with an argument array — never through a shell — and resolves when it exits. Output is
 * not collected beyond a tail (tools write their reports to a file), so a verbose tool cannot exhaust
 * memory. Rejects only when the process cannot be started at all.
 */
export function runTool(file: string, args: readonly string[], opts: { cwd: string; env: Env; timeoutMs: number }): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, [...args], { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'], shell: false, windowsHide: true });
    let stderrTail = '';
    let stdoutTail = '';
    let timedOut = false;
    let done = false;
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (c: string) => void (stdoutTail = keepTail(stdoutTail, c)));
    child.stderr.on('data', (c: string) => void (stderrTail = keepTail(stderrTail, c)));
    let killer: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      // Exited already, but a background child it left behind still holds the pipes open.
      if (child.exitCode !== null || child.signalCode !== null) return void finishAfterExit(child.exitCode, child.signalCode);
      child.kill('SIGTERM');
      killer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
    }, opts.timeoutMs);
    const stopTimers = () => {
      clearTimeout(timer);
      if (killer) clearTimeout(killer);
    };
    child.once('error', (err) => {
      stopTimers();
      done = true;
      reject(err);
    });
    const finish = (code: number | null, signal: NodeJS.Signals | null) => {
      if (done) return;
      done = true;
      stopTimers();
      resolve({ code, signal, timedOut, stderrTail, stdoutTail });
    };
    child.once('close', finish);
    // A killed tool's own children (semgrep-core) can keep the pipes open, so 'close' may never come.
    const finishAfterExit = (code: number | null, signal: NodeJS.Signals | null) => {
      child.stdout.destroy();
      child.stderr.destroy();
      finish(code, signal);
    };
    child.once('exit', (code, signal) => {
      if (timedOut) finishAfterExit(code, signal);
    });
  });
}
