import type { AstGrepRule, SastRule } from '../rule-types.js';
import { regexWords } from './regex-words.js';

/**
 * Words a file must contain for a rule to possibly match it, as clauses: every clause needs one of its
 * words in the text. Checking them with `includes` costs microseconds, where running an ast-grep rule
 * on a parsed file costs about half a millisecond, and most rules find nothing in most files (Semgrep
 * prefilters the same way). Only what is sure goes in: a word that a plain string pattern spells out,
 * outside metavariables, or that a `regex:` needs (regex-words.ts); `not`, `kind` and pattern
 * objects (whose context is scaffolding) add nothing, so a rule the prefilter cannot read always runs.
 */
export type Clauses = string[][];

const WORD = /\$*[A-Za-z_][A-Za-z0-9_]*/g;
const RELATIONS = ['has', 'inside', 'follows', 'precedes'] as const;

function patternWords(pattern: string): Clauses {
  let longest = '';
  for (const m of pattern.matchAll(WORD)) {
    // `$X`, `$$$ARGS` are metavariables; `$x` in PHP is not, but leaving it out is merely less selective.
    if (m[0].startsWith('$')) continue;
    if (m[0].length > longest.length) longest = m[0];
  }
  return longest.length >= 2 ? [[longest]] : [];
}

type Utils = Record<string, AstGrepRule> | undefined;

function isRule(value: unknown): value is AstGrepRule {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** One clause that holds when any of the alternatives matches, or none if one of them is unconstrained. */
function anyOf(alternatives: readonly AstGrepRule[], utils: Utils, seen: ReadonlySet<string>): Clauses {
  const words: string[] = [];
  for (const alt of alternatives) {
    const first = clausesOf(alt, utils, seen)[0];
    if (first === undefined) return [];
    words.push(...first);
  }
  return words.length > 0 ? [[...new Set(words)]] : [];
}

export function clausesOf(rule: AstGrepRule, utils: Utils, seen: ReadonlySet<string> = new Set()): Clauses {
  const out: Clauses = [];
  if (typeof rule['pattern'] === 'string') out.push(...patternWords(rule['pattern']));
  if (typeof rule['regex'] === 'string') out.push(...regexWords(rule['regex']));
  for (const rel of RELATIONS) {
    const sub = rule[rel];
    if (isRule(sub)) out.push(...clausesOf(sub, utils, seen));
  }
  const all = rule['all'];
  if (Array.isArray(all)) for (const sub of all) if (isRule(sub)) out.push(...clausesOf(sub, utils, seen));
  const any = rule['any'];
  if (Array.isArray(any)) out.push(...anyOf(any.filter(isRule), utils, seen));
  const util = rule['matches'];
  if (typeof util === 'string' && !seen.has(util)) {
    const target = utils?.[util];
    if (isRule(target)) out.push(...clausesOf(target, utils, new Set([...seen, util])));
  }
  return out;
}

/** A taint rule reports a flow from a source to a sink, so a file needs both (findTaint stops without either). */
function ruleClauses(rule: SastRule): Clauses {
  if (rule.mode === 'search') return clausesOf(rule.rule, rule.utils);
  return [...anyOf(rule.sinks, rule.utils, new Set()), ...anyOf(rule.sources, rule.utils, new Set())];
}

const cache = new WeakMap<SastRule, Clauses>();

function clausesFor(rule: SastRule): Clauses {
  let clauses = cache.get(rule);
  if (clauses === undefined) {
    clauses = ruleClauses(rule);
    cache.set(rule, clauses);
  }
  return clauses;
}

export function mayMatch(rule: SastRule, text: string): boolean {
  return clausesFor(rule).every((words) => words.some((w) => text.includes(w)));
}

/**
 * The rules that may match `text`, in their order. Rules share many words (`exec`, `query`, `req`), and each
 * `includes` reads the whole text, so every word is looked up once per text here: on the JavaScript bench
 * corpus this took the prefilter from 3.1 s to 2.6 s of CPU.
 */
export function candidatesOf<R extends SastRule>(rules: readonly R[], text: string): R[] {
  const seen = new Map<string, boolean>();
  const has = (w: string): boolean => {
    let found = seen.get(w);
    if (found === undefined) {
      found = text.includes(w);
      seen.set(w, found);
    }
    return found;
  };
  return rules.filter((rule) => clausesFor(rule).every((words) => words.some(has)));
}
