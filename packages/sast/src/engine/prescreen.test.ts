import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Lang } from '@ast-grep/napi';
import { afterEach, describe, expect, it } from 'vitest';
import type { PatternRule, SastRule, TaintRule } from '../rule-types.js';
import { builtinRulesDir } from '../rules/load-dir.js';
import { loadRules } from '../rules/load-rules.js';
import { languageOf, registerLanguages } from './languages.js';
import { combinable, combine, filesWithMatches } from './prescreen.js';
import { scanFiles, type ScanFile } from './scan-files.js';

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string | Buffer>): ScanFile[] {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-prescreen-'));
  temps.push(dir);
  return Object.entries(files).map(([path, content]) => {
    const absPath = join(dir, path);
    mkdirSync(join(absPath, '..'), { recursive: true });
    writeFileSync(absPath, content);
    return { path, absPath };
  });
}

const meta = { languages: ['javascript' as const], message: 'm', severity: 'high' as const, confidence: 'high' as const, cwe: ['CWE-1'] };
// Two rules whose utils share a name with different meanings: combined, each must keep its own.
const callsEval: PatternRule = { ...meta, id: 'a', mode: 'search', rule: { matches: 'target' }, utils: { target: { pattern: 'eval($X)' } } };
const callsExec: PatternRule = { ...meta, id: 'b', mode: 'search', rule: { matches: 'target' }, utils: { target: { pattern: 'exec($X)' } } };
const taint: TaintRule = { ...meta, id: 't', mode: 'taint', sources: [{ pattern: 'req.body' }], sinks: [{ pattern: 'send($X)', focus: '$X' }] };

/** Which rules (by index) the combined config of `rules` says match in each file that has a match. */
async function hits(rules: SastRule[], files: ScanFile[]): Promise<Record<string, number[]>> {
  const found = await filesWithMatches(Lang.JavaScript, files.map((f) => f.absPath), combine(rules));
  const out: Record<string, number[]> = {};
  for (const f of files) {
    const matched = found.get(f.absPath);
    if (matched !== undefined) out[f.path] = [...matched].sort();
  }
  return out;
}

describe('combine', () => {
  it('names the rules that may report in each file, each with its own utils; a taint rule needs a source and a sink', async () => {
    const files = project({
      'e.js': 'eval(a)',
      'x.js': 'exec(b)',
      'sink-only.js': 'send(c)',
      'source-only.js': 'x = req.body',
      'taint.js': 'send(req.body)',
      'all.js': 'send(eval(exec(req.body)))',
      'none.js': 'target(d); run(e)',
    });
    expect(await hits([callsEval, callsExec, taint], files)).toEqual({ 'e.js': [0], 'x.js': [1], 'taint.js': [2], 'all.js': [0, 1, 2] });
    expect(await hits([callsExec], files)).toEqual({ 'x.js': [0], 'all.js': [0] });
  });

  it('matches sources that taint rules share once', async () => {
    const other: TaintRule = { ...taint, id: 't2', sinks: [{ pattern: 'write($X)' }] };
    expect(combine([taint, other]).partCount).toBe(3);
    const files = project({ 'send.js': 'send(req.body)', 'write.js': 'write(req.body)', 'apart.js': 'write(x); y = req.body' });
    expect(await hits([taint, other], files)).toEqual({ 'send.js': [0], 'write.js': [1], 'apart.js': [1] });
  });

  it('names every rule that matches one node, though their metavariables share names', async () => {
    // Both bind $X on the same call, to different nodes: unless renamed apart, the second could not match.
    const whole: PatternRule = { ...meta, id: 'w', mode: 'search', rule: { pattern: 'g($X)' } };
    const number: PatternRule = { ...meta, id: 'n', mode: 'search', rule: { kind: 'call_expression', has: { stopBy: 'end', kind: 'number', pattern: '$X' } } };
    const files = project({ 'both.js': 'g(a + 1)', 'one.js': 'h(2)' });
    expect(await hits([whole, number], files)).toEqual({ 'both.js': [0, 1], 'one.js': [1] });
    expect(await hits([number, whole], files)).toEqual({ 'both.js': [0, 1], 'one.js': [0] });
  });

  it('leaves out rules with constraints, whose metavariable names would clash', () => {
    expect(combinable(callsEval)).toBe(true);
    expect(combinable({ ...callsEval, constraints: { X: { regex: '^a' } } })).toBe(false);
    expect(combinable(taint)).toBe(true);
    // A metavariable inside a string literal: renaming it apart could change what it matches.
    expect(combinable({ ...callsEval, rule: { pattern: "env('$HOME')" } })).toBe(false);
  });
});

describe('filesWithMatches', () => {
  it('finds nothing in no files, and rejects a config ast-grep refuses', async () => {
    expect(await filesWithMatches(Lang.JavaScript, [], combine([callsEval]))).toEqual(new Map());
    const bad: PatternRule = { ...callsEval, rule: { kind: 'not_a_kind' }, utils: {} };
    await expect(filesWithMatches(Lang.JavaScript, project({ 'a.js': 'x' }).map((f) => f.absPath), combine([bad]))).rejects.toThrow();
  });
});

describe('scanFiles with the prescreen', () => {
  it('still scans files ast-grep would read differently: not UTF-8, or with a BOM', async () => {
    const files = project({ 'latin1.js': Buffer.from('eval(a) // caf\xe9\n', 'latin1'), 'bom.js': '\uFEFFexec(b)\n', 'plain.js': 'eval(c)\n' });
    const result = await scanFiles(files, [callsEval, callsExec]);
    expect(result.findings.map((f) => f.location.type === 'source' && [f.location.path, f.location.startColumn])).toEqual([
      ['latin1.js', 1],
      ['bom.js', 1],
      ['plain.js', 1],
    ]);
    expect(result.filesScanned).toBe(3);
  });

  it('runs a rule with constraints rule by rule', async () => {
    const constrained: PatternRule = { ...meta, id: 'c', mode: 'search', rule: { pattern: 'eval($X)' }, constraints: { X: { regex: '^a' } } };
    const result = await scanFiles(project({ 'a.js': 'eval(a); eval(b)' }), [constrained, callsExec]);
    expect(result.findings.map((f) => f.ruleId)).toEqual(['c']);
  });

  it('reports exactly what the rule-by-rule scan reports on every rule pack test file', async () => {
    registerLanguages();
    const root = builtinRulesDir();
    const files: ScanFile[] = readdirSync(root, { recursive: true, encoding: 'utf8' })
      .map((p) => join(root, p))
      .filter((p) => languageOf(p) !== undefined)
      .map((absPath) => ({ path: relative(root, absPath), absPath }));
    const rules = loadRules({ builtinDir: root });
    const on = await scanFiles(files, rules);
    const off = await scanFiles(files, rules, { prescreen: false });
    expect(off.errors).toEqual([]);
    expect(off.findings.length).toBeGreaterThan(500);
    expect(on).toEqual(off);
  }, 120_000);
});
