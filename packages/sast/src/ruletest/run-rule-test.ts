import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { RawFinding } from '@rampart/core';
import { extensionsOf, languageOf } from '../engine/languages.js';
import { scanSource } from '../engine/scan-source.js';
import type { SastRule } from '../rule-types.js';
import { loadRuleFile } from '../rules/load-file.js';
import type { FindTaint } from '../taint/types.js';
import { parseAnnotations, type Annotations } from './annotations.js';

export interface RuleTestLine {
  file: string;
  line: number;
}

export interface RuleOutcome {
  ruleId: string;
  /** `ruleid` lines the rule did not report. */
  missed: RuleTestLine[];
  /** Lines the rule reported that are not annotated `ruleid` for it (`ok` lines included). */
  unexpected: (RuleTestLine & { message: string })[];
  /** Annotated lines, to insist on a positive and a negative case. */
  positives: number;
  negatives: number;
}

export interface RuleTestResult {
  ymlPath: string;
  testFiles: string[];
  rules: RuleOutcome[];
  /** What makes the test itself incomplete: no test file, a rule without a positive or negative case. */
  problems: string[];
  passed: boolean;
}

export interface RuleTestOptions {
  findTaint?: FindTaint;
}

/** `rules/python/x.yml` -> `rules/python/x.py`, any extension of the rules' languages that exists. */
export function testFilesFor(ymlPath: string, rules: readonly SastRule[]): string[] {
  const stem = basename(ymlPath).replace(/\.ya?ml$/i, '');
  const exts = new Set(rules.flatMap((r) => r.languages.flatMap(extensionsOf)));
  return [...exts].map((ext) => join(dirname(ymlPath), `${stem}.${ext}`)).filter((p) => existsSync(p));
}

function startLine(f: RawFinding): number {
  return f.location.type === 'source' ? (f.location.startLine ?? 0) : 0;
}

function has(map: Map<number, Set<string>>, line: number, id: string): boolean {
  return map.get(line)?.has(id) ?? false;
}

function checkFile(file: string, rule: SastRule, ann: Annotations, findings: readonly RawFinding[], out: RuleOutcome): void {
  const reported = new Set(findings.filter((f) => f.ruleId === rule.id).map(startLine));
  for (const [line, ids] of ann.expected) {
    if (ids.has(rule.id)) out.positives++;
    if (ids.has(rule.id) && !reported.has(line)) out.missed.push({ file, line });
  }
  for (const ids of ann.ok.values()) if (ids.has(rule.id)) out.negatives++;
  for (const f of findings) {
    const line = startLine(f);
    if (f.ruleId !== rule.id || has(ann.expected, line, rule.id) || has(ann.todo, line, rule.id)) continue;
    out.unexpected.push({ file, line, message: f.message });
  }
}

function problemsOf(ymlPath: string, testFiles: readonly string[], outcomes: readonly RuleOutcome[], unknown: string[]): string[] {
  if (testFiles.length === 0) return [`${ymlPath}: no test file (expected ${basename(ymlPath).replace(/\.ya?ml$/i, '')}.<ext> beside it)`];
  const problems = [...unknown];
  outcomes.forEach((o) => {
    if (o.positives === 0) problems.push(`rule ${o.ruleId}: no "ruleid: ${o.ruleId}" line in ${testFiles.map((f) => basename(f)).join(', ')}`);
    if (o.negatives === 0) problems.push(`rule ${o.ruleId}: no "ok: ${o.ruleId}" line in ${testFiles.map((f) => basename(f)).join(', ')}`);
  });
  return problems;
}

/**
 * Runs the rules of one YAML file on their test file(s) and compares what they report with the
 * `ruleid:` / `ok:` annotations. Findings are compared by start line, as Semgrep does.
 */
export function runRuleTest(ymlPath: string, opts: RuleTestOptions = {}): RuleTestResult {
  const rules = loadRuleFile(ymlPath);
  const testFiles = testFilesFor(ymlPath, rules);
  const outcomes: RuleOutcome[] = rules.map((r) => ({ ruleId: r.id, missed: [], unexpected: [], positives: 0, negatives: 0 }));
  const ids = new Set(rules.map((r) => r.id));
  const unknown: string[] = [];
  for (const path of testFiles) {
    const language = languageOf(path);
    if (language === undefined) continue;
    const text = readFileSync(path, 'utf8');
    const ann = parseAnnotations(text, language);
    for (const w of ann.written) if (!ids.has(w.id)) unknown.push(`${basename(path)}:${w.line}: "${w.kind}: ${w.id}" names no rule of ${basename(ymlPath)}`);
    const file = basename(path);
    const findings = scanSource(text, file, rules, { inlineIgnores: false, ...(opts.findTaint ? { findTaint: opts.findTaint } : {}) });
    rules.forEach((rule, i) => {
      const out = outcomes[i];
      if (out !== undefined && rule.languages.includes(language)) checkFile(file, rule, ann, findings, out);
    });
  }
  const problems = problemsOf(ymlPath, testFiles, outcomes, unknown);
  const passed = problems.length === 0 && outcomes.every((o) => o.missed.length === 0 && o.unexpected.length === 0);
  return { ymlPath, testFiles, rules: outcomes, problems, passed };
}

/** A failure report a rule author can act on: which line, which rule, what happened. */
export function formatRuleTestResult(result: RuleTestResult): string {
  const lines = [...result.problems];
  for (const o of result.rules) {
    for (const m of o.missed) lines.push(`${m.file}:${m.line}: ${o.ruleId} missed (annotated ruleid, nothing reported)`);
    for (const u of o.unexpected) lines.push(`${u.file}:${u.line}: ${o.ruleId} reported unexpectedly: ${u.message}`);
  }
  return lines.join('\n');
}
