import { describe, expect, it } from 'vitest';
import type { PatternRule, TaintRule } from '../rule-types.js';
import { clausesOf, mayMatch } from './prefilter.js';

describe('clausesOf', () => {
  it('takes the longest plain word of a string pattern, never a metavariable', () => {
    expect(clausesOf({ pattern: '$DB.query($SQL, $$$REST)' }, undefined)).toEqual([['query']]);
    expect(clausesOf({ pattern: 'child_process.exec($X)' }, undefined)).toEqual([['child_process']]);
    expect(clausesOf({ pattern: '$A + $B' }, undefined)).toEqual([]);
  });

  it('requires every part of all and relations, one branch of any, nothing under not', () => {
    const rule = {
      all: [{ pattern: 'exec($X)' }, { inside: { pattern: 'function handler() {}' } }],
      not: { pattern: 'exec("constant")' },
      any: [{ pattern: 'spawn($X)' }, { pattern: 'fork($X)' }],
    };
    expect(clausesOf(rule, undefined)).toEqual([['exec'], ['function'], ['spawn', 'fork']]);
    expect(clausesOf({ any: [{ pattern: 'spawn($X)' }, { kind: 'call_expression' }] }, undefined)).toEqual([]);
  });

  it('follows utils, guarding against a util that calls itself', () => {
    const utils = { call: { any: [{ pattern: 'os.system($X)' }, { matches: 'call' }] }, loop: { matches: 'loop' } };
    expect(clausesOf({ matches: 'call' }, utils)).toEqual([]);
    expect(clausesOf({ matches: 'loop' }, utils)).toEqual([]);
    expect(clausesOf({ matches: 'sys' }, { sys: { pattern: 'os.system($X)' } })).toEqual([['system']]);
  });

  it('reads nothing from pattern objects and kinds, and only plain words from regexes', () => {
    expect(clausesOf({ pattern: { context: 'func t() { fmt.Sprintf($$$A) }', selector: 'call_expression' } }, undefined)).toEqual([]);
    expect(clausesOf({ kind: 'string' }, undefined)).toEqual([]);
    expect(clausesOf({ kind: 'string', regex: 'password' }, undefined)).toEqual([['password']]);
    expect(clausesOf({ kind: 'string', regex: '(?i)password' }, undefined)).toEqual([]);
    expect(clausesOf({ kind: 'call', has: { field: 'function', regex: '^os\\.(system|popen[234]?)$' } }, undefined)).toEqual([['os.'], ['system', 'popen']]);
  });
});

describe('mayMatch', () => {
  const search: PatternRule = { id: 's', languages: ['javascript'], mode: 'search', message: 'm', severity: 'low', confidence: 'low', cwe: ['CWE-1'], rule: { pattern: 'eval($X)' } };
  const taint: TaintRule = { ...search, mode: 'taint', sources: [{ pattern: 'req.query' }], sinks: [{ pattern: 'exec($C)' }, { pattern: 'spawn($C)' }] };

  it('skips a file without the words a rule needs', () => {
    expect(mayMatch(search, 'const x = 1;')).toBe(false);
    expect(mayMatch(search, 'window.eval(code)')).toBe(true);
    expect(mayMatch(taint, 'exec(req.query.x)')).toBe(true);
    expect(mayMatch(taint, 'spawn(req.query.x)')).toBe(true);
    // A taint rule needs a source and a sink.
    expect(mayMatch(taint, 'spawn(x)')).toBe(false);
    expect(mayMatch(taint, 'req.query.x')).toBe(false);
  });
});


describe('candidatesOf', () => {
  it('keeps the rules mayMatch keeps, in order', async () => {
    const { candidatesOf } = await import('./prefilter.js');
    const rule = (id: string, pattern: string): PatternRule => ({ id, languages: ['javascript'], mode: 'search', message: 'm', severity: 'low', confidence: 'low', cwe: ['CWE-1'], rule: { pattern } });
    const rules = [rule('a', 'eval($X)'), rule('b', 'exec($X)'), rule('c', 'window.eval($X)'), rule('d', '$A + $B')];
    for (const text of ['eval(x)', 'exec(y); window.eval(z)', 'nothing here', '']) {
      expect(candidatesOf(rules, text), text).toEqual(rules.filter((r) => mayMatch(r, text)));
    }
    expect(candidatesOf(rules, 'exec(y); window.eval(z)').map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);
  });
});
