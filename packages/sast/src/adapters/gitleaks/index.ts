import type { ToolAdapter } from '../types.js';

/**
 * Gitleaks v8 on the working tree (`--no-git`: history scanning is rampart's own `secrets --history`).
 * It takes one source directory, so a file list is not passed on: the whole root is scanned.
 * `--redact` keeps the secrets themselves out of the temporary report; `--exit-code=0` makes "leaks
 * found" a normal exit, so exit 1 means an error.
 */
export const gitleaksAdapter: ToolAdapter = {
  id: 'gitleaks',
  title: 'Gitleaks',
  binary: 'gitleaks',
  detect: (env, which) => which('gitleaks', env),
  args(ctx) {
    return [
      'detect',
      '--no-git',
      '--no-banner',
      '--redact',
      '--exit-code=0',
      `--source=${ctx.root}`,
      '--report-format=json',
      `--report-path=${ctx.outFile}`,
    ];
  },
  format: 'gitleaks',
  exitOk: (code) => code === 0,
};
