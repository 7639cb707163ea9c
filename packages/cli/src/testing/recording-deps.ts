import { existsSync, readFileSync } from 'node:fs';
import type { CliDeps } from '../deps.js';

/** The CLI's dependencies for in-process tests: a fixed clock, real files, and stdout/stderr recorded. */
export function recordingDeps(cwd: string, env: CliDeps['env'] = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const deps: CliDeps = {
    cwd,
    env,
    now: () => new Date('2026-11-29T12:00:00Z'),
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    isTTY: false,
    readFile: (p) => readFileSync(p, 'utf8'),
    exists: (p) => existsSync(p),
  };
  return { deps, out: () => out.join(''), err: () => err.join('') };
}
