import { findInFiles, type NapiConfig, type Rule } from '@ast-grep/napi';
import type { AstGrepRule, SastRule } from '../rule-types.js';
import { asciiRegexes } from './ascii-regex.js';
import type { NapiLang } from './languages.js';

/**
 * The prescreen: one ast-grep rule per language that matches wherever any rule of the language could report,
 * run by ast-grep's `findInFiles` over many files at once. ast-grep compiles a rule config on every
 * `findAll(config)` call (patterns parsed, regexes built), which cost ~16 ms per JavaScript file for the
 * built-in pack whatever the file's size, and napi offers no handle to a compiled rule. `findInFiles` compiles
 * its config once and parses and matches on native threads (all cores), so the combined rule costs about one
 * parse per file. Only the few files where it matches are scanned again, by the exact per-file path and with
 * only the rules that matched there, so findings are the same by construction: a rule that matches nowhere in
 * a file has no search finding there, and a taint rule only reports at a sink.
 */

/** A `$NAME` inside a quoted string of a pattern: renaming it could change what the pattern matches. */
const QUOTED_METAVAR = /(['"`])[^'"`]*\$[A-Z]/;

function patternsOf(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) patternsOf(v, out);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'pattern' && typeof v === 'string') out.push(v);
      else if (k === 'context' && typeof v === 'string') out.push(v);
      else patternsOf(v, out);
    }
  }
  return out;
}

/**
 * Whether a rule can join the combined rule. Not with `constraints` (they name metavariables of the whole
 * config) nor with a metavariable written inside a quoted string, which renaming apart could change.
 */
export function combinable(rule: SastRule): boolean {
  if (rule.mode === 'search' && rule.constraints !== undefined) return false;
  const parts = rule.mode === 'search' ? [rule.rule, rule.utils] : [rule.sinks, rule.utils];
  return !patternsOf(parts).some((p) => QUOTED_METAVAR.test(p));
}

/** Named metavariables (`$X`, `$$X`, `$$$ARGS`); `$_X` ones bind nothing and need no renaming. */
const METAVAR = /(\$\$?\$?)([A-Z][A-Z0-9_]*)/g;

/**
 * The same rule object with its util references and metavariables renamed apart by `prefix`: in the combined
 * rule every rule's metavariables share one environment, where `$X` of one rule would have to equal `$X` of
 * another, and utils of the same name in two rules may differ.
 */
function renamed<T>(value: T, prefix: string): T {
  if (Array.isArray(value)) return value.map((v: unknown) => renamed(v, prefix)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === 'matches' && typeof v === 'string') out[k] = `${prefix}${v}`;
      else if ((k === 'pattern' || k === 'context') && typeof v === 'string') out[k] = v.replace(METAVAR, `$1${prefix}$2`);
      else out[k] = renamed(v, prefix);
    }
    return out as T;
  }
  return value;
}

/**
 * What must each match somewhere in a file for a rule to report there, as alternatives: a search rule itself;
 * a taint rule's sinks and its sources (findTaint returns nothing without both).
 */
function partsOf(rule: SastRule): AstGrepRule[][] {
  if (rule.mode === 'search') return [[rule.rule]];
  // `focus` is Rampart's, not ast-grep's: it narrows what is checked inside a sink that matched.
  return [rule.sinks.map(({ focus: _focus, ...sink }) => sink), rule.sources];
}

/** The metavariable that marks a node the j-th part of a combined config matches. */
const markerOf = (j: number): string => `RAMPART_MARK_${j}`;

export interface Combined {
  config: NapiConfig;
  /** For each rule, by index, the parts (by marker number) that must all match in a file. */
  partsOfRule: number[][];
  partCount: number;
}

/**
 * One config that matches a node when any part of any of `rules` (all combinable, of one language) matches it,
 * and tells which: on such a node, `getMatch(markerOf(j))` is set when the j-th part matches it. The first
 * clause finds the node; then, for each part, either the part and its marker (`$$M`, which binds any node) or
 * an always-true empty regex, so the markers cost evaluations only on the rare nodes that matched. A part that
 * several rules share word for word (taint rules of a language list the same sources) is matched once; one that
 * uses utils stays its rule's own, with the rule's renamed utils.
 */
export function combine(rules: readonly SastRule[]): Combined {
  const utils: Record<string, AstGrepRule> = {};
  const parts: AstGrepRule[] = [];
  const byText = new Map<string, number>();
  const partsOfRule = rules.map((rule, i) => {
    const rulePrefix = `R${i}_`;
    for (const [name, util] of Object.entries(rule.utils ?? {})) utils[`${rulePrefix}${name}`] = renamed(util, rulePrefix);
    return partsOf(rule).map((alternatives) => {
      const text = JSON.stringify(alternatives);
      const ownUtils = text.includes('"matches"');
      const key = ownUtils ? `${i}\0${text}` : text;
      let j = byText.get(key);
      if (j === undefined) {
        j = parts.length;
        byText.set(key, j);
        const alts = alternatives.map((alt) => renamed(alt, ownUtils ? rulePrefix : `P${j}_`));
        parts.push(alts.length === 1 && alts[0] !== undefined ? alts[0] : { any: alts });
      }
      return j;
    });
  });
  const marks = parts.map((part, j) => ({ any: [{ all: [part, { pattern: `$$${markerOf(j)}` }] }, { regex: '' }] }));
  const config = asciiRegexes({ rule: { all: [{ any: parts }, ...marks] } as Rule, utils: utils as Record<string, Rule> });
  return { config, partsOfRule, partCount: parts.length };
}

/** The rules (by index) all of whose parts are among the matched ones. */
function rulesMatched(combined: Combined, parts: ReadonlySet<number>): Set<number> {
  const out = new Set<number>();
  combined.partsOfRule.forEach((mine, i) => {
    if (mine.every((j) => parts.has(j))) out.add(i);
  });
  return out;
}

/**
 * The files among `paths` (absolute) where a rule of `combined` may report, each with the indices of those
 * rules, parsed as `lang` whatever their extension. ast-grep reads the files itself and silently skips one it
 * cannot read as UTF-8, so callers pass only files they know to be valid UTF-8. Rejects when ast-grep rejects
 * the config.
 */
export function filesWithMatches(lang: NapiLang, paths: readonly string[], combined: Combined): Promise<Map<string, Set<number>>> {
  const hits = new Map<string, Set<number>>();
  if (paths.length === 0) return Promise.resolve(hits);
  const { partCount } = combined;
  return new Promise((resolve, reject) => {
    let total: number | undefined;
    let calls = 0;
    let failed = false;
    // ast-grep calls back once per file with matches and resolves to their count, possibly before the last callbacks ran.
    const settle = (): void => {
      if (!failed && total !== undefined && calls >= total) resolve(hits);
    };
    findInFiles(lang, { paths: [...new Set(paths)], matcher: combined.config }, (err, nodes) => {
      if (err !== null) {
        failed = true;
        reject(err);
        return;
      }
      calls++;
      const first = nodes[0];
      if (first !== undefined) {
        const parts = new Set<number>();
        for (const node of nodes) for (let j = 0; j < partCount; j++) if (!parts.has(j) && node.getMatch(markerOf(j)) !== null) parts.add(j);
        const rules = rulesMatched(combined, parts);
        if (rules.size > 0) hits.set(first.getRoot().filename(), rules);
      }
      settle();
    }).then((count) => {
      total = count;
      settle();
    }, reject);
  });
}
