import { isAbsolute, resolve } from 'node:path';
import {
  UserError,
  findingsFileSchema,
  readReport,
  type Finding,
  type Notification,
  type RawFinding,
  type Tool,
} from '@rampart/core';
import type { CliDeps } from '../deps.js';

export interface Ingested {
  findings: (RawFinding | Finding)[];
  tools: Tool[];
  notifications: Notification[];
  scannedResources: { method: string; url: string }[];
}

function readInput(path: string, deps: CliDeps): string {
  const full = isAbsolute(path) ? path : resolve(deps.cwd, path);
  if (!deps.exists(full)) throw new UserError('file not found', { file: path, expected: 'a readable report file' });
  try {
    return deps.readFile(full);
  } catch (err) {
    throw new UserError(`cannot read: ${err instanceof Error ? err.message : String(err)}`, { file: path });
  }
}

/** Our own findings.json keeps fingerprints as they were, so merged shards and baselines stay comparable. */
function tryFindingsFile(text: string, file: string): Ingested | undefined {
  if (!text.trimStart().startsWith('{') || !text.includes('"rampart"')) return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof doc !== 'object' || doc === null || !('rampart' in doc)) return undefined;
  const parsed = findingsFileSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError(issue?.message ?? 'invalid findings file', {
      file,
      field: issue ? issue.path.join('.') : undefined,
      expected: 'a findings.json written by rampart',
    });
  }
  return { findings: parsed.data.findings, tools: parsed.data.tools, notifications: [], scannedResources: [] };
}

function addTool(tools: Tool[], seen: Set<string>, tool: Tool): void {
  const key = `${tool.name}\0${tool.version}`;
  if (seen.has(key)) return;
  seen.add(key);
  tools.push(tool);
}

/**
 * Reads every input before anything is written, so a bad file fails the run with nothing half-written.
 */
export function ingestFiles(paths: readonly string[], deps: CliDeps, format?: string): Ingested {
  const out: Ingested = { findings: [], tools: [], notifications: [], scannedResources: [] };
  const seenTools = new Set<string>();
  for (const path of paths) {
    const text = readInput(path, deps);
    const native = format === undefined || format === 'rampart' ? tryFindingsFile(text, path) : undefined;
    const result = native ?? readReport(text, { file: path, root: deps.cwd, ...(format ? { format } : {}) });
    for (const f of result.findings) out.findings.push(f);
    for (const t of result.tools) addTool(out.tools, seenTools, t);
    if ('skipped' in result && result.skipped.length > 0) {
      const reasons = [...new Set(result.skipped.map((s) => s.reason))].slice(0, 3).join('; ');
      out.notifications.push({
        level: 'warning',
        message: `${path}: skipped ${result.skipped.length} entr${result.skipped.length === 1 ? 'y' : 'ies'} that could not be used (${reasons})`,
      });
    }
    if (result.scannedResources) out.scannedResources.push(...result.scannedResources);
  }
  return out;
}
