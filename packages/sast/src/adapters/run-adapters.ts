import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ServiceError, UserError, type Notification, type RawFinding, type Tool } from '@rampart/core';
import { ADAPTERS, adapterById } from './registry.js';
import { runOne, type RunOneContext } from './run-one.js';
import type { RunAdaptersContext, ToolAdapter } from './types.js';
import { findOnPath } from './which.js';

export const DEFAULT_ADAPTER_TIMEOUT_MS = 10 * 60 * 1000;
/** Skipped report entries listed one by one before the rest are only counted. */
const MAX_SKIP_NOTES = 20;
/**
 * Beyond this many characters of file arguments the tool gets the root instead: Linux refuses argument
 * lists over about 2 MB and Windows command lines over 32 K characters.
 */
const MAX_FILE_ARG_CHARS = 24_000;

export interface RunAdaptersResult {
  findings: RawFinding[];
  tools: Tool[];
  notifications: Notification[];
}

function chosen(ids: readonly string[], field: string): ToolAdapter[] {
  const out: ToolAdapter[] = [];
  for (const raw of ids) {
    const id = raw.trim();
    if (id === '') continue;
    const adapter = adapterById(id);
    if (!adapter) throw new UserError(`unknown tool "${id}"`, { field, expected: `one of ${ADAPTERS.map((a) => a.id).join(', ')}` });
    if (!out.includes(adapter)) out.push(adapter);
  }
  return out;
}

function fileArgs(ctx: RunAdaptersContext, root: string): string[] | undefined {
  if (!ctx.files || ctx.files.length === 0) return undefined;
  const files = ctx.files.map((f) => resolve(root, f));
  if (files.reduce((n, f) => n + f.length + 1, 0) <= MAX_FILE_ARG_CHARS) return files;
  ctx.logger.debug(`${files.length} files are too many to pass as arguments; the tools scan ${root} instead`);
  return undefined;
}

function skippedNotes(title: string, skipped: readonly { reason: string; entry?: string }[]): Notification[] {
  const notes: Notification[] = skipped.slice(0, MAX_SKIP_NOTES).map((s) => ({
    level: 'warning',
    message: `${title}: ${s.entry ? `${s.entry}: ` : ''}${s.reason}`,
  }));
  const rest = skipped.length - MAX_SKIP_NOTES;
  if (rest > 0) notes.push({ level: 'warning', message: `${title}: ${rest} more report entries could not be read` });
  return notes;
}

/**
 * Runs the chosen third-party tools one after another on `ctx.root` and reads their reports into raw
 * findings. A tool that is not installed (or lacks a required setting) becomes a warning. A tool that
 * fails throws `ServiceError` (exit 3) naming it and the end of its output, unless its id is in
 * `ctx.optional`, when the failure is an error notification and the other tools' findings are kept.
 * Unknown ids are a `UserError`.
 */
export async function runAdapters(ids: readonly string[], ctx: RunAdaptersContext): Promise<RunAdaptersResult> {
  const adapters = chosen(ids, 'with');
  const optional = new Set(chosen(ctx.optional ?? [], 'optional').map((a) => a.id));
  const result: RunAdaptersResult = { findings: [], tools: [], notifications: [] };
  if (adapters.length === 0) return result;
  const root = resolve(ctx.root);
  const tmp = await mkdtemp(join(ctx.tmpDir ?? tmpdir(), 'rampart-adapters-'));
  const files = fileArgs(ctx, root);
  const one: RunOneContext = {
    root,
    reportRoot: resolve(ctx.reportRoot ?? root),
    files,
    env: ctx.env,
    logger: ctx.logger,
    timeoutMs: ctx.timeoutMs ?? DEFAULT_ADAPTER_TIMEOUT_MS,
    settings: ctx.settings ?? {},
    tmp,
    which: ctx.which ?? findOnPath,
  };
  try {
    for (const adapter of adapters) {
      const outcome = await runOne(adapter, one);
      if (outcome.status === 'skipped') {
        const message = `${adapter.title} is enabled but was skipped: ${outcome.reason}`;
        ctx.logger.warn(message);
        result.notifications.push({ level: 'warning', message });
      } else if (outcome.status === 'failed') {
        const message = `${adapter.title} failed: ${outcome.reason}`;
        if (!optional.has(adapter.id)) throw new ServiceError(message);
        ctx.logger.error(message);
        result.notifications.push({ level: 'error', message });
      } else {
        const r = outcome.result;
        ctx.logger.info(`${adapter.title}: ${r.findings.length} findings`);
        result.findings.push(...r.findings);
        for (const t of r.tools) if (!result.tools.some((k) => k.name === t.name)) result.tools.push(t);
        result.notifications.push(...skippedNotes(adapter.title, r.skipped));
        for (const note of outcome.notes) result.notifications.push({ level: 'warning', message: `${adapter.title}: ${note}` });
      }
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  return result;
}
