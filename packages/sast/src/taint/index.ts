import type { SgNode } from '@ast-grep/napi';
import type { SastLanguage, TaintRule } from '../rule-types.js';
import { builtinsFor } from './builtins.js';
import { factsOf } from './file-facts.js';
import { GENERIC_SYNTAX } from './generic.js';
import { Interp, type FileCtx } from './interp.js';
import { JAVA_SYNTAX } from './java/syntax.js';
import { JS_SYNTAX } from './javascript/syntax.js';
import { PY_SYNTAX } from './python/syntax.js';
import { locateSites } from './rule-match.js';
import { State } from './state.js';
import { summarizeRest } from './summaries.js';
import type { Syntax } from './syntax.js';
import type { FindTaint, TaintMatch } from './types.js';

export type { TaintMatch, TaintPoint, FindTaint } from './types.js';

const SYNTAX: Partial<Record<SastLanguage, Syntax>> = {
  javascript: JS_SYNTAX,
  typescript: JS_SYNTAX,
  tsx: JS_SYNTAX,
  python: PY_SYNTAX,
  java: JAVA_SYNTAX,
};

function byPosition(a: TaintMatch, b: TaintMatch): number {
  return a.sink.line - b.sink.line || a.sink.column - b.sink.column || a.source.line - b.source.line || a.source.column - b.source.column;
}

/**
 * Every source-to-sink path of one taint rule in one file. The module body is walked in statement
 * order; named functions are summarised on first call (or at the end) and applied at their call sites.
 */
export const findTaint: FindTaint = (root: SgNode, rule: TaintRule, language: SastLanguage): TaintMatch[] => {
  const sites = locateSites(root, rule);
  // Without a sink or a source in the file there is nothing to connect.
  if (sites.sinks.size === 0 || sites.sources.size === 0) return [];
  const syntax = SYNTAX[language] ?? GENERIC_SYNTAX;
  const facts = factsOf(root, syntax);
  const file: FileCtx = {
    syntax,
    sites,
    builtins: builtinsFor(rule),
    ...facts,
    closures: new Map(),
    summaries: new Map(),
    results: new Map(),
  };
  const it = new Interp(file, new State());
  if (syntax === GENERIC_SYNTAX) it.visitChildren(root);
  else it.visit(root);
  summarizeRest(file);
  return [...file.results.values()].sort(byPosition);
};
