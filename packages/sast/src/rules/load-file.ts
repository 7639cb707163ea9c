import { readFileSync } from 'node:fs';
import { UserError } from '@rampart/core';
import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import type { SastRule } from '../rule-types.js';
import { checkAstGrep } from './check-astgrep.js';
import { describeIssue, formatPath, type Path } from './issues.js';
import { knownKeys, searchRuleSchema, taintRuleSchema } from './schema.js';

/** The 1-based line of the deepest node that exists on `path`, so a missing field points at its parent. */
function lineOf(doc: Document, lines: LineCounter, path: Path): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node: unknown = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as unknown[], true);
    const range = node !== null && typeof node === 'object' && 'range' in node ? (node as { range?: [number, number, number] | null }).range : undefined;
    if (range) return lines.linePos(range[0]).line;
  }
  return undefined;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

interface DocContext {
  doc: Document;
  lines: LineCounter;
  file: string;
  /** 0-based index of the document in the file. */
  index: number;
}

function where(ctx: DocContext, data: unknown): string {
  const id = isMapping(data) && typeof data['id'] === 'string' ? ` (rule ${data['id']})` : '';
  return `document ${ctx.index + 1}${id}`;
}

function validate(data: unknown, ctx: DocContext): SastRule {
  if (!isMapping(data)) {
    throw new UserError(`${where(ctx, data)} is not a rule`, {
      file: ctx.file,
      line: lineOf(ctx.doc, ctx.lines, []),
      expected: 'a mapping with id, languages, message, severity, confidence, cwe and rule (or sources and sinks)',
    });
  }
  const mode = data['mode'] ?? 'search';
  if (mode !== 'search' && mode !== 'taint') {
    throw new UserError(`${where(ctx, data)}: invalid value`, { file: ctx.file, field: 'mode', line: lineOf(ctx.doc, ctx.lines, ['mode']), expected: 'search or taint' });
  }
  const input = { ...data, mode };
  const result = mode === 'search' ? searchRuleSchema.safeParse(input) : taintRuleSchema.safeParse(input);
  if (result.success) return result.data as SastRule;
  const issue = result.error.issues[0];
  if (issue === undefined) throw new Error('zod rejected a rule without saying why');
  const problem = describeIssue(issue, input, (p) => (p.length === 0 ? knownKeys(mode) : []));
  throw new UserError(`${where(ctx, data)}: ${problem.message}`, {
    file: ctx.file,
    field: formatPath(problem.path),
    line: lineOf(ctx.doc, ctx.lines, problem.path),
    expected: problem.expected,
  });
}

function toData(ctx: DocContext): unknown {
  const error = ctx.doc.errors[0];
  if (error !== undefined) {
    const line = error.linePos?.[0].line;
    throw new UserError(`document ${ctx.index + 1}: ${error.message.split('\n')[0] ?? 'YAML error'}`, { file: ctx.file, line, expected: 'valid YAML' });
  }
  try {
    // Alias expansion is bounded: a rule file is small, and an alias bomb must not hang the loader.
    return ctx.doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw new UserError(`document ${ctx.index + 1}: ${e instanceof Error ? e.message : String(e)}`, { file: ctx.file, expected: 'valid YAML' });
  }
}

/**
 * The rules in one YAML text, one per document; empty documents are skipped. `file` names the source
 * in errors. Each rule is compiled by ast-grep for each of its languages.
 */
export function parseRuleText(text: string, file: string): SastRule[] {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: true });
  if (!Array.isArray(docs)) return [];
  const rules: SastRule[] = [];
  const seen = new Set<string>();
  docs.forEach((doc, index) => {
    const ctx: DocContext = { doc, lines, file, index };
    const data = toData(ctx);
    if (data === null || data === undefined) return;
    const rule = validate(data, ctx);
    if (seen.has(rule.id)) {
      throw new UserError(`${where(ctx, data)}: rule id ${rule.id} is used twice in this file`, { file, field: 'id', line: lineOf(doc, lines, ['id']), expected: 'a unique rule id' });
    }
    seen.add(rule.id);
    checkAstGrep(rule, file);
    rules.push(rule);
  });
  return rules;
}

export function loadRuleFile(path: string): SastRule[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UserError(`cannot read rule file: ${e instanceof Error ? e.message : String(e)}`, { file: path, expected: 'a readable YAML file' });
  }
  return parseRuleText(text, path);
}
