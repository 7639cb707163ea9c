import type { ToolAdapter } from '../types.js';
import { semgrepNotes } from './notes.js';
import { targetsOf } from '../targets.js';

/**
 * Semgrep. Rules come only from the user's `--config` values: `--config auto` and registry packs fetch
 * rules over the network, which a scan must not do unasked. Options take `--name=value` so a config
 * named `-x` stays a value; metrics and the version check are off because both call home.
 */
export const semgrepAdapter: ToolAdapter = {
  id: 'semgrep',
  title: 'Semgrep',
  binary: 'semgrep',
  detect: (env, which) => which('semgrep', env),
  skipReason(settings) {
    const configs = settings.semgrepConfig ?? [];
    return configs.length === 0 ? 'needs at least one rule config (semgrep config, e.g. a rules file); "auto" is not assumed because it downloads rules' : undefined;
  },
  args(ctx) {
    const configs = (ctx.settings.semgrepConfig ?? []).map((c) => `--config=${c}`);
    return ['scan', '--json', `--output=${ctx.outFile}`, '--metrics=off', '--disable-version-check', ...configs, '--', ...targetsOf(ctx)];
  },
  format: 'semgrep',
  // 0: ran; 1: findings with `--error` (not passed, but a user's config file can set it). 2 and up: failures.
  reportNotes: semgrepNotes,
  exitOk: (code) => code === 0 || code === 1,
};
