import { DEFAULT_EXCLUDED_DIRS } from '../../walk/default-excludes.js';
import { targetsOf, zeroOrOne } from '../targets.js';
import type { ToolAdapter } from '../types.js';
import { banditNotes } from './notes.js';

/**
 * Bandit only skips VCS and cache dirs itself; rampart's own scan skips dependencies and build output too,
 * and both should cover the same files. Globs, not bare names: a bare `env` would also skip `environment.py`.
 */
const EXCLUDES = [...DEFAULT_EXCLUDED_DIRS].map((d) => `*/${d}/*`).join(',');

/**
 * Bandit (Python). `--exit-zero` only exists from 1.7 on (Debian ships 1.6), so exit 1 — "issues found" —
 * is accepted instead; a crash is told apart by the missing or unreadable report.
 */
export const banditAdapter: ToolAdapter = {
  id: 'bandit',
  title: 'Bandit',
  binary: 'bandit',
  detect: (env, which) => which('bandit', env),
  args(ctx) {
    const recursive = ctx.files && ctx.files.length > 0 ? [] : ['-r', '-x', EXCLUDES];
    // `-q` keeps stderr to errors, so the tail shown on a failure is the failure. `--` ends the options.
    return [...recursive, '-q', '-f', 'json', '-o', ctx.outFile, '--', ...targetsOf(ctx)];
  },
  format: 'bandit',
  reportNotes: banditNotes,
  exitOk: zeroOrOne,
};
