import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isUserError, type Notification, type RawFinding } from '@rampart/core';
import { detectKind } from '../detect.js';
import { toFinding } from '../finding.js';
import { parseFile } from '../parse/index.js';
import { ALL_RULES } from '../rules/index.js';
import type { FileKind, IacRule } from '../types.js';
import { listFiles } from './walk.js';

export interface IacScanOptions {
  rules?: readonly IacRule[];
  /** Relative paths to scan instead of walking the root (tests, changed files). */
  files?: readonly string[];
}

export interface IacScanResult {
  findings: RawFinding[];
  notifications: Notification[];
  /** Files scanned, per kind. */
  counts: Partial<Record<FileKind, number>>;
}

/** Files larger than this are generated output, not configuration a person wrote. */
const MAX_BYTES = 2 * 1024 * 1024;

/**
 * Why a file was skipped. Chart templates are Go templates, not YAML, until `helm template` renders them: that
 * is a note, not a problem with the file.
 */
function skipped(kind: FileKind, text: string, message: string): Notification {
  if (kind === 'kubernetes' && text.includes('{{')) {
    return { level: 'note', message: `skipped ${message.split(':')[0] ?? ''}: an unrendered Helm or Go template (scan the output of helm template)` };
  }
  return { level: 'warning', message: `skipped ${message}` };
}

/** Runs every rule that applies on one file's text; a parse error propagates to the caller. */
export function scanText(path: string, text: string, kind: FileKind, rules: readonly IacRule[]): RawFinding[] {
  const parsed = parseFile(path, text, kind);
  const out: RawFinding[] = [];
  for (const rule of rules) {
    if (!rule.appliesTo(kind)) continue;
    for (const m of rule.check(parsed)) out.push(toFinding(rule, parsed, m));
  }
  return out;
}

/**
 * Scans the IaC files under `root`. A file that does not parse is skipped with a warning naming the file and
 * line: one broken manifest must not hide the findings of every other file, and the user still learns of it.
 */
export function scanIac(root: string, opts: IacScanOptions = {}): IacScanResult {
  const rules = opts.rules ?? ALL_RULES;
  const result: IacScanResult = { findings: [], notifications: [], counts: {} };
  for (const rel of opts.files ?? listFiles(root)) {
    const file = readCandidate(root, rel);
    if (file === undefined) continue;
    if ('problem' in file) {
      result.notifications.push({ level: 'warning', message: `${rel}: skipped, ${file.problem}` });
      continue;
    }
    try {
      result.findings.push(...scanText(rel, file.text, file.kind, rules));
      result.counts[file.kind] = (result.counts[file.kind] ?? 0) + 1;
    } catch (err) {
      if (!isUserError(err)) throw err;
      result.notifications.push(skipped(file.kind, file.text, err.message));
    }
  }
  return result;
}

/**
 * The kind and text of a file the rules read; undefined for other files. A file that cannot be read (removed
 * during the walk, no permission) or is too large is a problem to report, not a reason to stop the scan.
 */
function readCandidate(root: string, rel: string): { kind: FileKind; text: string } | { problem: string } | undefined {
  const full = join(root, rel);
  try {
    const large = statSync(full).size > MAX_BYTES;
    let text: string | undefined;
    const read = (): string => (text ??= readFileSync(full, 'utf8').replace(/^\uFEFF/, ''));
    const kind = detectKind(rel, () => (large ? '' : read()));
    if (kind === undefined) return undefined;
    if (large) return { problem: `larger than ${MAX_BYTES} bytes` };
    return { kind, text: read() };
  } catch (err) {
    return { problem: `cannot be read (${err instanceof Error ? err.message : String(err)})` };
  }
}
