import type { RawFinding } from '@rampart/core';
import { type AddedLine, addedLinesByCommit } from '../walk/index.js';
import { isAllowedPath } from './allow.js';
import { scanText } from './scan.js';
import type { ScanSecretsOptions } from './types.js';

export interface HistoryScanOptions extends ScanSecretsOptions {
  /** The flag or input the ref came from, named in errors (default `--changed-since`). */
  field?: string;
}

/** The added lines of one file in one commit, joined so multi-line secrets (PEM blocks) match. */
interface Batch {
  commit: string;
  path: string;
  lines: number[];
  texts: string[];
}

function scanBatch(batch: Batch, opts: HistoryScanOptions): RawFinding[] {
  const { lines } = batch;
  return scanText(
    batch.texts.join('\n'),
    { path: batch.path, commit: batch.commit, lineMap: (n) => lines[n - 1] ?? n },
    opts,
  );
}

/**
 * Secrets added by the commits in `sinceRef..HEAD` (every commit when `sinceRef` is undefined),
 * from `git log -p -U0`: only added lines are scanned, so a secret reported once is not reported
 * again by each later commit that touches its file. Each finding names its commit; its line is
 * the line in that commit's version of the file. A secret added and later deleted is still
 * reported: it stays in the history until the history is rewritten.
 */
export async function scanSecretsInHistory(
  root: string,
  sinceRef: string | undefined,
  opts: HistoryScanOptions = {},
): Promise<RawFinding[]> {
  const findings: RawFinding[] = [];
  let batch: Batch | undefined;
  const flush = (): void => {
    if (batch && !isAllowedPath(batch.path, opts.allowPaths)) findings.push(...scanBatch(batch, opts));
    batch = undefined;
  };
  const historyOpts = opts.field !== undefined ? { field: opts.field } : {};
  for await (const added of addedLinesByCommit(root, sinceRef, historyOpts)) {
    if (!batch || batch.commit !== added.commit || batch.path !== added.path) {
      flush();
      batch = { commit: added.commit, path: added.path, lines: [], texts: [] };
    }
    push(batch, added);
  }
  flush();
  return findings;
}

function push(batch: Batch, added: AddedLine): void {
  batch.lines.push(added.line);
  batch.texts.push(added.text);
}
