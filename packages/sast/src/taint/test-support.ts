import { parse, type SgNode } from '@ast-grep/napi';
import { napiLang, registerLanguages } from '../engine/languages.js';
import type { AstGrepRule, SastLanguage, TaintRule } from '../rule-types.js';
import { findTaint } from './index.js';
import type { TaintMatch } from './types.js';

/** Test helper: parses a snippet in one of our languages. */
export function parseCode(language: SastLanguage, code: string): SgNode {
  registerLanguages();
  return parse(napiLang(language), code).root();
}

export function taintRule(parts: { sources: AstGrepRule[]; sinks: AstGrepRule[]; sanitizers?: AstGrepRule[]; cwe?: string[] }): TaintRule {
  return {
    id: 'test.taint',
    mode: 'taint',
    languages: ['javascript'],
    message: 'tainted',
    severity: 'high',
    confidence: 'high',
    cwe: parts.cwe ?? ['CWE-78'],
    sources: parts.sources,
    sinks: parts.sinks,
    ...(parts.sanitizers ? { sanitizers: parts.sanitizers } : {}),
  };
}

/** 1-based sink lines the rule reports on the snippet. */
export function sinkLines(language: SastLanguage, code: string, rule: TaintRule): number[] {
  return run(language, code, rule).map((m) => m.sink.line + 1);
}

export function run(language: SastLanguage, code: string, rule: TaintRule): TaintMatch[] {
  return findTaint(parseCode(language, code), rule, language);
}
