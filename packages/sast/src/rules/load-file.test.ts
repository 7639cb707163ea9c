import { UserError } from '@rampart/core';
import { describe, expect, it } from 'vitest';
import { parseRuleText } from './load-file.js';

const BASE = `id: t.rule
languages: [javascript]
message: Found $X.
severity: high
confidence: medium
cwe: [CWE-78]
`;

function errorOf(text: string, file = 'rules.yml'): UserError {
  try {
    parseRuleText(text, file);
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('expected a UserError');
}

describe('parseRuleText: valid rules', () => {
  it('reads a search rule and defaults mode to search', () => {
    const [rule] = parseRuleText(`${BASE}rule:\n  pattern: exec($X)\n`, 'r.yml');
    expect(rule).toMatchObject({ id: 't.rule', mode: 'search', rule: { pattern: 'exec($X)' }, cwe: ['CWE-78'] });
  });

  it('reads a taint rule with a sink focus and passes the ast-grep parts through', () => {
    const text = `${BASE}mode: taint
sources: [{ pattern: req.query }]
sinks: [{ pattern: exec($CMD), focus: $CMD }]
sanitizers: [{ pattern: shellEscape($$$) }]
`;
    const [rule] = parseRuleText(text, 'r.yml');
    expect(rule?.mode).toBe('taint');
    expect(rule).toMatchObject({ sinks: [{ pattern: 'exec($CMD)', focus: '$CMD' }], sanitizers: [{ pattern: 'shellEscape($$$)' }] });
  });

  it('reads several documents and skips empty ones', () => {
    const two = `${BASE}rule: { pattern: a() }\n---\n---\n${BASE.replace('t.rule', 't.other')}rule: { pattern: b() }\n`;
    expect(parseRuleText(two, 'r.yml').map((r) => r.id)).toEqual(['t.rule', 't.other']);
    expect(parseRuleText('', 'r.yml')).toEqual([]);
    expect(parseRuleText('# only a comment\n', 'r.yml')).toEqual([]);
  });
});

describe('parseRuleText: errors name the file, the document, the field and what was expected', () => {
  it.each([
    ['a bad id', BASE.replace('t.rule', 'Bad Id'), 'id', 'lower-case'],
    ['an unknown language', BASE.replace('[javascript]', '[cobol]'), 'languages[0]', 'one of javascript'],
    ['no languages', BASE.replace('[javascript]', '[]'), 'languages', 'at least one language'],
    ['a bad severity', BASE.replace('severity: high', 'severity: error'), 'severity', 'one of critical'],
    ['a bad confidence', BASE.replace('confidence: medium', 'confidence: sure'), 'confidence', 'one of high'],
    ['an empty cwe list', BASE.replace('[CWE-78]', '[]'), 'cwe', 'at least one CWE'],
    ['a malformed cwe', BASE.replace('[CWE-78]', '[CWE78]'), 'cwe[0]', 'CWE-78'],
    ['a missing message', BASE.replace('message: Found $X.\n', ''), 'message', 'a message'],
  ])('%s', (_name, meta, field, expected) => {
    const e = errorOf(`${meta}rule: { pattern: a() }\n`);
    expect(e.file).toBe('rules.yml');
    expect(e.field).toBe(field);
    expect(e.expected).toContain(expected);
    expect(e.message).toMatch(/^rules\.yml:\d+: field .*document 1/);
  });

  it('reports a missing field as missing', () => {
    const e = errorOf(BASE.replace('severity: high\n', '') + 'rule: { pattern: a() }\n');
    expect(e.field).toBe('severity');
    expect(e.message).toContain('missing field');
  });

  it('names an unknown key and lists the known ones', () => {
    const e = errorOf(`${BASE}pattern: a()\nrule: { pattern: a() }\n`);
    expect(e.field).toBe('pattern');
    expect(e.expected).toContain('rule');
    expect(e.message).toContain('(rule t.rule)');
    expect(e.line).toBe(7);
  });

  it('rejects a search rule without rule and a taint rule without sinks', () => {
    expect(errorOf(BASE).field).toBe('rule');
    expect(errorOf(`${BASE}mode: taint\nsources: [{ pattern: a }]\n`).field).toBe('sinks');
    expect(errorOf(`${BASE}mode: taint\nsources: [{ pattern: a }]\nsinks: []\n`).expected).toContain('at least one sink');
  });

  it('rejects an unknown mode and a focus that is not a metavariable', () => {
    expect(errorOf(`${BASE}mode: join\nrule: { pattern: a() }\n`).field).toBe('mode');
    const e = errorOf(`${BASE}mode: taint\nsources: [{ pattern: a }]\nsinks: [{ pattern: exec($C), focus: C }]\n`);
    expect(e.field).toBe('sinks[0].focus');
  });

  it('points at the document that is wrong and its line', () => {
    const text = `${BASE}rule: { pattern: a() }\n---\n${BASE.replace('t.rule', 't.two').replace('high', 'urgent')}rule: { pattern: b() }\n`;
    const e = errorOf(text);
    expect(e.message).toContain('document 2 (rule t.two)');
    expect(e.line).toBe(12);
  });

  it('rejects a document that is not a mapping, and YAML syntax errors with their line', () => {
    expect(errorOf('- a\n- b\n').expected).toContain('a mapping');
    const e = errorOf(`${BASE}rule: { pattern: a() \n`);
    expect(e.expected).toBe('valid YAML');
    expect(e.line).toBeGreaterThan(0);
    expect(errorOf(`${BASE}id: again\nrule: { pattern: a() }\n`).expected).toBe('valid YAML');
  });

  it('rejects an id used twice in one file', () => {
    const e = errorOf(`${BASE}rule: { pattern: a() }\n---\n${BASE}rule: { pattern: b() }\n`);
    expect(e.field).toBe('id');
    expect(e.message).toContain('used twice');
  });

  it('passes ast-grep errors on with the part they are in', () => {
    const kind = errorOf(`${BASE}rule: { kind: no_such_kind }\n`);
    expect(kind.field).toBe('rule');
    expect(kind.message).toContain('no_such_kind');
    expect(errorOf(`${BASE}rule: { patern: a() }\n`).message).toContain('patern');
    expect(errorOf(`${BASE}rule: { pattern: a(), inside: { kind: nope } }\n`).field).toBe('rule');
    const sink = errorOf(`${BASE}mode: taint\nsources: [{ pattern: a }]\nsinks: [{ kind: nope }]\n`);
    expect(sink.field).toBe('sinks[0]');
  });

  it('checks a rule against each of its languages', () => {
    // `method_invocation` is a Java kind; JavaScript has no such node.
    const text = BASE.replace('[javascript]', '[java, javascript]') + 'rule: { kind: method_invocation }\n';
    expect(errorOf(text).message).toContain('for javascript');
  });
});
