import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isUserError, readReport, type Logger, type ReadResult } from '@rampart/core';
import { relativePath } from './paths.js';
import { runTool, type ToolRun } from './run-tool.js';
import type { AdapterSettings, Env, ToolAdapter, Which } from './types.js';

export interface RunOneContext {
  root: string;
  reportRoot: string;
  files: readonly string[] | undefined;
  env: Env;
  logger: Logger;
  timeoutMs: number;
  settings: AdapterSettings;
  tmp: string;
  which: Which;
}

/** What became of one tool: it ran and its report was read, it could not run here, or it failed. */
export type RunOutcome =
  | { status: 'ok'; result: ReadResult; notes: string[] }
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; reason: string };

/** The end of the tool's output, where the error usually is; stdout when stderr has nothing. */
function outputTail(run: ToolRun): string {
  const text = (run.stderrTail.trim() || run.stdoutTail.trim()).split('\n').slice(-12).join('\n');
  return text === '' ? '' : `; its output ended with:\n${text}`;
}

function exitProblem(adapter: ToolAdapter, run: ToolRun, timeoutMs: number): string | undefined {
  if (run.timedOut) return `timed out after ${timeoutMs < 10_000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`} and was stopped`;
  if (run.code === null) return `was ended by signal ${run.signal ?? 'unknown'}`;
  if (!adapter.exitOk(run.code)) return `exited with status ${run.code}`;
  return undefined;
}

async function readOutput(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

function notesOf(adapter: ToolAdapter, text: string, reportRoot: string): string[] {
  if (!adapter.reportNotes) return [];
  try {
    return adapter.reportNotes(JSON.parse(text) as unknown, (path) => relativePath(path, reportRoot));
  } catch {
    // The reader has accepted the text; a note it cannot give is not worth failing the run.
    return [];
  }
}

function parse(adapter: ToolAdapter, text: string, reportRoot: string): ReadResult {
  const file = `${adapter.binary} report`;
  if (adapter.reader) return adapter.reader(text, { file, root: reportRoot });
  return readReport(text, { file, format: adapter.format, root: reportRoot });
}

/** Runs one adapter's tool and reads its report. Throws only for bugs; tool problems are outcomes. */
export async function runOne(adapter: ToolAdapter, ctx: RunOneContext): Promise<RunOutcome> {
  const skip = adapter.skipReason?.(ctx.settings);
  if (skip) return { status: 'skipped', reason: skip };
  const binary = await adapter.detect(ctx.env, ctx.which);
  if (!binary) return { status: 'skipped', reason: `\`${adapter.binary}\` is not on PATH` };
  const outFile = join(ctx.tmp, `${adapter.id}.out`);
  const args = adapter.args({ root: ctx.root, ...(ctx.files ? { files: ctx.files } : {}), outFile, settings: ctx.settings });
  ctx.logger.info(`running ${adapter.title}: ${binary} ${args.map((a) => JSON.stringify(a)).join(' ')}`);
  let run: ToolRun;
  try {
    run = await runTool(binary, args, { cwd: ctx.root, env: ctx.env, timeoutMs: ctx.timeoutMs });
  } catch (err) {
    return { status: 'failed', reason: `could not be started (${binary}): ${err instanceof Error ? err.message : String(err)}` };
  }
  const problem = exitProblem(adapter, run, ctx.timeoutMs);
  if (problem) return { status: 'failed', reason: `${problem}${outputTail(run)}` };
  const text = await readOutput(outFile);
  // Several tools exit 1 both for "found issues" and for a crash; only a crash leaves no report.
  if (text === undefined) return { status: 'failed', reason: `exited with status ${run.code ?? '?'} but wrote no report${outputTail(run)}` };
  try {
    return { status: 'ok', result: parse(adapter, text, ctx.reportRoot), notes: notesOf(adapter, text, ctx.reportRoot) };
  } catch (err) {
    if (!isUserError(err)) throw err;
    return { status: 'failed', reason: `wrote a report rampart cannot read: ${err.message}${outputTail(run)}` };
  }
}
