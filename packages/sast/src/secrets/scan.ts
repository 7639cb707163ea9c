import type { RawFinding } from '@rampart/core';
import { isAllowedPath, isAllowedValue } from './allow.js';
import { type FindingContext, toFinding } from './finding.js';
import { findGenericSecrets } from './generic.js';
import { findProviderSecrets } from './provider-scan.js';
import { resolveOverlaps } from './resolve.js';
import { SECRET_RULES } from './rules/index.js';
import { TextIndex } from './text-index.js';
import type { ScanSecretsOptions } from './types.js';

/** Scans text whose path the caller has already checked against the allow-list. */
export function scanText(text: string, ctx: FindingContext, opts: ScanSecretsOptions = {}): RawFinding[] {
  const index = new TextIndex(text);
  const matches = findProviderSecrets(index, opts.rules ?? SECRET_RULES);
  if (opts.entropy !== false) matches.push(...findGenericSecrets(index, ctx.path));
  return resolveOverlaps(matches)
    .filter((m) => !isAllowedValue(m.secret, opts.allowValues))
    .map((m) => toFinding(m, index, ctx));
}

/**
 * Secrets in one file's text: provider rules, then (unless `entropy: false`) high-entropy values
 * assigned to secret-like names. One finding per secret occurrence; the raw secret is in no field
 * of any finding. Files on the allow-list (`DEFAULT_ALLOW_PATHS` + `allowPaths`) give none.
 *
 * Cost is linear in the text: one `indexOf` pass per rule keyword, then regexes with only bounded
 * quantifiers on the lines that contain a keyword. Measured on the development container (one
 * core, Node 20): a 10 MB source text with ~2,700 planted tokens scans in about 0.5 s; this
 * monorepo's 4.5 MB of tracked text in about 1.2 s including reading the files.
 */
export function scanSecrets(text: string, path: string, opts: ScanSecretsOptions = {}): RawFinding[] {
  if (isAllowedPath(path, opts.allowPaths)) return [];
  return scanText(text, { path }, opts);
}
