import { UserError, type RawFinding, type ReadResult, type SkippedEntry } from '@rampart/core';
import { relativePath } from '../paths.js';
import { mapEslintMessage } from './map.js';
import { eslintMessageSchema, eslintReportSchema, eslintResultSchema, ruleMetaSchema, type RuleMeta } from './schema.js';

export const ESLINT_FORMAT = 'eslint-json';

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new UserError(`is not JSON: ${err instanceof Error ? err.message : String(err)}`, { file, expected: 'an ESLint JSON report' });
  }
}

function rulesMetaOf(raw: Record<string, unknown> | null | undefined): Map<string, RuleMeta> {
  const out = new Map<string, RuleMeta>();
  for (const [id, value] of Object.entries(raw ?? {})) {
    const p = ruleMetaSchema.safeParse(value);
    if (p.success) out.set(id, p.data);
  }
  return out;
}

function readResult(raw: unknown, i: number, meta: Map<string, RuleMeta>, root: string | undefined, out: ReadResult): void {
  const entry = `results[${i}]`;
  const r = eslintResultSchema.safeParse(raw);
  if (!r.success) return void out.skipped.push({ reason: 'result has no filePath or messages', entry });
  const file = { path: relativePath(r.data.filePath, root), source: r.data.source ?? undefined };
  r.data.messages.forEach((rawMessage, j) => {
    const at = `${entry}.messages[${j}]`;
    const m = eslintMessageSchema.safeParse(rawMessage);
    if (!m.success) return void out.skipped.push({ reason: 'message is not an ESLint message', entry: at });
    const ruleId = m.data.ruleId;
    // No rule id: a parse error or "file ignored" notice. Not a finding, but the user must see it.
    if (!ruleId) return void out.skipped.push({ reason: `${file.path}: ${m.data.message ?? 'message without a rule'}`, entry: at });
    out.findings.push(mapEslintMessage({ ...m.data, ruleId }, file, meta.get(ruleId), out.tools[0] ?? { name: 'eslint', version: '' }));
  });
}

/**
 * Reads ESLint's `json` or `json-with-metadata` report. Messages ESLint reports as suppressed
 * (`suppressedMessages`, from `eslint-disable` comments) stay suppressed: they are not read.
 */
export function readEslintReport(text: string, ctx: { file: string; root?: string }): ReadResult {
  const p = eslintReportSchema.safeParse(parseJson(text, ctx.file));
  if (!p.success) throw new UserError('is not an ESLint JSON report', { file: ctx.file, expected: 'an array of results or { results, metadata }' });
  const results = Array.isArray(p.data) ? p.data : p.data.results;
  const meta = rulesMetaOf(Array.isArray(p.data) ? undefined : p.data.metadata?.rulesMeta);
  const findings: RawFinding[] = [];
  const skipped: SkippedEntry[] = [];
  const out: ReadResult = { findings, tools: [{ name: 'eslint', version: '' }], skipped };
  results.forEach((raw, i) => readResult(raw, i, meta, ctx.root, out));
  return out;
}
