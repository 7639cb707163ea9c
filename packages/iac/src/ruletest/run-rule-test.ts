import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { scanText } from '../scan/scan-files.js';
import { FILE_KINDS, type FileKind, type IacRule } from '../types.js';
import { parseAnnotations } from './annotations.js';

export interface RuleTally {
  positives: number;
  negatives: number;
}

export interface RuleTestReport {
  /** What went wrong, one line each: `file:line: rule ...`. */
  failures: string[];
  tally: Map<string, RuleTally>;
}

function tallyOf(report: RuleTestReport, id: string): RuleTally {
  let t = report.tally.get(id);
  if (t === undefined) report.tally.set(id, (t = { positives: 0, negatives: 0 }));
  return t;
}

/** Checks one annotated file: the rules it names must report exactly its `ruleid:` lines. */
export function checkRuleFile(path: string, kind: FileKind, rules: readonly IacRule[], report: RuleTestReport, known: ReadonlySet<string>): void {
  const text = readFileSync(path, 'utf8');
  const ann = parseAnnotations(text);
  const file = basename(path);
  for (const id of ann.ids) if (!known.has(id)) report.failures.push(`${file}: names no registered rule ${id}`);
  const mine = new Set(rules.map((r) => r.id));
  const tested = rules.filter((r) => ann.ids.has(r.id));
  if (tested.length === 0) return;
  const findings = scanText(file, text, kind, tested);
  const reported = new Set(findings.map((f) => `${f.ruleId}\0${f.location.type === 'source' ? f.location.startLine : 0}`));
  for (const [line, ids] of ann.expected) {
    for (const id of [...ids].filter((i) => mine.has(i))) {
      tallyOf(report, id).positives++;
      if (!reported.has(`${id}\0${line}`)) report.failures.push(`${file}:${line}: ${id} missed`);
    }
  }
  for (const ids of ann.ok.values()) for (const id of ids) if (mine.has(id)) tallyOf(report, id).negatives++;
  for (const f of findings) {
    const line = f.location.type === 'source' ? (f.location.startLine ?? 0) : 0;
    if (ann.expected.get(line)?.has(f.ruleId) || ann.todo.get(line)?.has(f.ruleId)) continue;
    report.failures.push(`${file}:${line}: ${f.ruleId} reported unexpectedly: ${f.message}`);
  }
}

/**
 * Runs every annotated fixture under `dir/<file kind>/` and checks each rule has at least one positive and one
 * negative case somewhere. `known` is every registered id, to catch annotations naming a rule that does not exist.
 */
export function runRuleTests(dir: string, rules: readonly IacRule[], known: ReadonlySet<string> = new Set(rules.map((r) => r.id))): RuleTestReport {
  const report: RuleTestReport = { failures: [], tally: new Map() };
  for (const kind of FILE_KINDS) {
    let names: string[] = [];
    try {
      names = readdirSync(join(dir, kind)).sort();
    } catch {
      continue;
    }
    for (const name of names) checkRuleFile(join(dir, kind, name), kind, rules, report, known);
  }
  for (const rule of rules) {
    const t = report.tally.get(rule.id);
    if (!t || t.positives === 0) report.failures.push(`rule ${rule.id}: no "ruleid: ${rule.id}" case`);
    if (!t || t.negatives === 0) report.failures.push(`rule ${rule.id}: no "ok: ${rule.id}" case`);
  }
  return report;
}
