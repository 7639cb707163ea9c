import { describe, expect, it } from 'vitest';
import type { PatternRule, SastRule, TaintRule } from '../rule-types.js';
import type { FindTaint } from '../taint/types.js';
import { scanSource } from './scan-source.js';

function search(id: string, languages: PatternRule['languages'], rule: PatternRule['rule'], extra: Partial<PatternRule> = {}): PatternRule {
  return { id, languages, mode: 'search', message: `${id} found`, severity: 'high', confidence: 'medium', cwe: ['CWE-78'], rule, ...extra };
}

describe('scanSource: search rules', () => {
  it('turns a JavaScript match into a finding with 1-based location, snippet, identifiers, help and tool', () => {
    const rule = search('js.exec', ['javascript'], { pattern: 'exec($CMD)' }, {
      message: 'Command $CMD reaches exec(). Avoid it.',
      owasp: ['A03:2021-Injection'],
      references: ['https://example.test/exec'],
      fix: 'Use `execFile`.',
    });
    const src = 'const a = 1;\nfunction f(u) {\n  return exec(u + "x");\n}\n';
    const [finding, ...rest] = scanSource(src, 'src/app.js', [rule]);
    expect(rest).toEqual([]);
    expect(finding).toEqual({
      kind: 'sast',
      ruleId: 'js.exec',
      title: 'Command $CMD reaches exec().',
      message: 'Command u + "x" reaches exec(). Avoid it.',
      help: 'Use `execFile`.\n\nReferences:\n- https://example.test/exec',
      severity: 'high',
      confidence: 'medium',
      identifiers: [
        { type: 'cwe', value: 'CWE-78', url: 'https://cwe.mitre.org/data/definitions/78.html' },
        { type: 'owasp', value: 'A03:2021-Injection' },
      ],
      location: { type: 'source', path: 'src/app.js', startLine: 3, endLine: 3, startColumn: 10, endColumn: 23, snippet: 'exec(u + "x")' },
      tool: { name: 'rampart-sast', version: expect.any(String) },
    });
  });

  it('applies constraints and utils the way ast-grep rule files do', () => {
    const rule = search('ts.exec', ['typescript'], { matches: 'call' }, {
      utils: { call: { pattern: 'exec($CMD)' } },
      constraints: { CMD: { not: { kind: 'string' } } },
    });
    const src = 'exec("ls");\nexec(cmd as string);\n';
    expect(scanSource(src, 'a.ts', [rule]).map((f) => f.location)).toMatchObject([{ startLine: 2 }]);
  });

  it('matches Python, Java and Go with the registered grammars', () => {
    const py = search('py.system', ['python'], { pattern: 'os.system($X)' }, { message: 'shell: $X' });
    const java = search('java.exec', ['java'], { pattern: 'Runtime.getRuntime().exec($X)' });
    // A bare `fmt.Sprintf($$$ARGS)` does not parse as a call in Go's grammar; a context does.
    const goPattern = { context: 'func t() { fmt.Sprintf($$$ARGS) }', selector: 'call_expression' };
    const go = search('go.sprintf', ['go'], { pattern: goPattern }, { message: 'args: $$$ARGS' });
    expect(scanSource('import os\nos.system("ls " + d)\n', 'x.py', [py, java, go]).map((f) => f.message)).toEqual(['shell: "ls " + d']);
    const javaSrc = 'class A { void f(String c) throws Exception {\n  Runtime.getRuntime().exec(c);\n} }\n';
    expect(scanSource(javaSrc, 'A.java', [py, java, go]).map((f) => [f.ruleId, f.location])).toMatchObject([['java.exec', { startLine: 2 }]]);
    const goSrc = 'package main\n\nimport "fmt"\n\nfunc f(id string) string {\n\treturn fmt.Sprintf("x %s", id)\n}\n';
    expect(scanSource(goSrc, 'm.go', [py, java, go]).map((f) => f.message)).toEqual(['args: "x %s", id']);
  });

  it('skips files of other or unknown languages, and honours a language override', () => {
    const rule = search('js.eval', ['javascript'], { pattern: 'eval($X)' });
    expect(scanSource('eval(x)', 'a.py', [rule])).toEqual([]);
    expect(scanSource('eval(x)', 'README', [rule])).toEqual([]);
    expect(scanSource('eval(x)', 'script', [rule], { language: 'javascript' })).toHaveLength(1);
  });

  it('reports one finding per rule and range, however many branches match', () => {
    const rule = search('js.eval', ['javascript'], { any: [{ pattern: 'eval($X)' }, { pattern: 'eval(x)' }] });
    const other = search('js.eval2', ['javascript'], { pattern: 'eval($X)' });
    expect(scanSource('eval(x)', 'a.js', [rule, other]).map((f) => f.ruleId)).toEqual(['js.eval', 'js.eval2']);
  });

  it('caps the snippet and the metavariable text in messages, and keeps them line-independent', () => {
    const rule = search('js.eval', ['javascript'], { pattern: 'eval($X)' }, { message: 'eval of $X' });
    const long = `eval(${'a + '.repeat(200)}b)`;
    const [f] = scanSource(`\n\n${long}`, 'a.js', [rule]);
    expect(f?.location.type === 'source' && f.location.snippet?.length).toBe(200);
    expect(f?.message.length).toBeLessThanOrEqual('eval of '.length + 80);
    expect(f?.message.endsWith('…')).toBe(true);
    const [g] = scanSource(long, 'a.js', [rule]);
    expect(g?.location.type === 'source' && g.location.snippet).toBe(f?.location.type === 'source' && f.location.snippet);
  });

  it('marks findings suppressed by a rampart-ignore comment', () => {
    const rule = search('js.eval', ['javascript'], { pattern: 'eval($X)' });
    const src = '// rampart-ignore: js.eval -- input is a constant\neval(a);\neval(b);\n';
    const findings = scanSource(src, 'a.js', [rule]);
    expect(findings.map((f) => f.suppression)).toEqual([{ kind: 'inline', reason: 'input is a constant' }, undefined]);
    expect(scanSource(src, 'a.js', [rule], { inlineIgnores: false }).every((f) => f.suppression === undefined)).toBe(true);
  });

  it('names the rule when ast-grep rejects it', () => {
    const bad = search('js.bad', ['javascript'], { kind: 'no_such_kind' });
    expect(() => scanSource('x', 'a.js', [bad])).toThrow(/rule js\.bad failed on a\.js/);
  });
});

describe('scanSource: taint rules', () => {
  const rule: TaintRule = {
    id: 'js.taint-exec',
    languages: ['javascript'],
    mode: 'taint',
    message: '$SOURCE flows into $SINK.',
    severity: 'critical',
    confidence: 'high',
    cwe: ['CWE-78'],
    sources: [{ pattern: 'req.query.cmd' }],
    sinks: [{ pattern: 'exec($C)', focus: '$C' }],
  };
  const point = (line: number, column: number, text: string, label: string) => ({ line, column, endLine: line, endColumn: column + text.length, text, label });

  it('reports at the sink with the flow from source to sink', () => {
    const calls: Parameters<FindTaint>[] = [];
    const fake: FindTaint = (...args) => {
      calls.push(args);
      const source = point(0, 10, 'req.query.cmd', 'source: req.query.cmd');
      const sink = point(1, 0, 'exec(c)', 'sink: exec(c)');
      return [
        { source, steps: [point(0, 6, 'c', 'assigned to c')], sink },
        { source: point(0, 10, 'req.query.cmd', 'other path'), steps: [], sink },
      ];
    };
    const src = 'const c = req.query.cmd;\nexec(c);\n';
    const findings = scanSource(src, 'a.js', [rule], { findTaint: fake });
    expect(calls.map(([root, r, lang]) => [root.kind(), r.id, lang])).toEqual([['program', 'js.taint-exec', 'javascript']]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'js.taint-exec',
      message: 'req.query.cmd flows into exec(c).',
      severity: 'critical',
      location: { path: 'a.js', startLine: 2, startColumn: 1, endLine: 2, endColumn: 8, snippet: 'exec(c)' },
      flow: [
        { path: 'a.js', line: 1, column: 11, message: 'source: req.query.cmd' },
        { path: 'a.js', line: 1, column: 7, message: 'assigned to c' },
        { path: 'a.js', line: 2, column: 1, message: 'sink: exec(c)' },
      ],
    });
  });

  it('runs search and taint rules of a file from one parse', () => {
    const searchRule: SastRule = search('js.exec', ['javascript'], { pattern: 'exec($C)' });
    const roots: unknown[] = [];
    const fake: FindTaint = (root) => {
      roots.push(root.getRoot());
      return [];
    };
    expect(scanSource('exec(req.query.cmd)', 'a.js', [searchRule, rule], { findTaint: fake }).map((f) => f.ruleId)).toEqual(['js.exec']);
    expect(roots).toHaveLength(1);
  });
});
