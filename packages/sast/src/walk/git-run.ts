import { execFile, spawn } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';
import { UserError } from '@rampart/core';

/**
 * Settings that would change what git prints, pinned so parsing does not depend on the user's config:
 * quoted non-ASCII paths, pagers, colours.
 */
const PINNED = ['-c', 'core.quotePath=false', '-c', 'color.ui=never', '--no-pager'];

/** Longest line kept whole; the rest of a longer line (a committed bundle) is dropped so memory stays bounded. */
export const MAX_LINE_CHARS = 1024 * 1024;

const MAX_STDERR_CHARS = 16 * 1024;

/** git exited with a failure status; `code` lets callers tell "no such ref" (1) from real failures. */
export class GitError extends Error {
  override readonly name = 'GitError';
  constructor(
    readonly args: readonly string[],
    readonly code: number | null,
    readonly stderr: string,
  ) {
    super(`git ${args.join(' ')} failed (exit ${code ?? 'signal'}): ${stderr.trim()}`);
  }
}

function notRunnable(cwd: string, err: unknown): UserError {
  const message = err instanceof Error ? err.message : String(err);
  return new UserError(`could not run git in ${cwd}: ${message}`, {
    file: cwd,
    expected: 'git installed on PATH and an existing directory',
  });
}

/** Runs git with an argument array (never a shell) and returns stdout; for outputs known to be small. */
export function gitOutput(cwd: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', [...PINNED, ...args], { cwd, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (!err) return resolve(stdout);
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EACCES' || code === 'ENOTDIR') return reject(notRunnable(cwd, err));
      reject(new GitError(args, typeof code === 'number' ? code : null, stderr));
    });
  });
}

/**
 * Runs git and yields its stdout line by line as it arrives, so a history of any size is parsed in constant memory.
 * Lines split on `\n` only (a lone `\r` inside a source line must not start a new diff line); a trailing `\r` is
 * dropped. Stopping the iteration early kills git.
 */
export async function* gitLines(cwd: string, args: readonly string[]): AsyncGenerator<string> {
  const child = spawn('git', [...PINNED, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    if (stderr.length < MAX_STDERR_CHARS) stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code));
  });
  // Without a handler, a spawn failure would surface as an unhandled rejection when nothing awaits `exited` yet.
  exited.catch(() => undefined);
  let finished = false;
  try {
    yield* splitLines(child.stdout);
    let code: number | null;
    try {
      code = await exited;
    } catch (err) {
      throw notRunnable(cwd, err);
    }
    finished = true;
    if (code !== 0) throw new GitError(args, code, stderr);
  } finally {
    if (!finished && child.exitCode === null) child.kill();
  }
}

async function* splitLines(stream: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let partial = '';
  let overflow = false;
  const take = (text: string): string[] => {
    const out: string[] = [];
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      out.push(finishLine(overflow ? partial : partial + text.slice(start, nl)));
      partial = '';
      overflow = false;
      start = nl + 1;
    }
    if (!overflow) partial += text.slice(start);
    if (partial.length > MAX_LINE_CHARS) {
      partial = partial.slice(0, MAX_LINE_CHARS);
      overflow = true;
    }
    return out;
  };
  for await (const chunk of stream) yield* take(decoder.write(chunk));
  yield* take(decoder.end());
  if (partial !== '') yield finishLine(partial);
}

function finishLine(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
