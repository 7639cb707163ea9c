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

/** The parts of a rule that decide whether it can report on a file: a search rule itself, a taint rule's sinks. */
function alternativesOf(rule: SastRule): AstGrepRule[] {
  if (rule.mode === 'search') return [rule.rule];
  // `focus` is Rampart's, not ast-grep's: it narrows what is checked inside a sink that matched.
  return rule.sinks.map(({ focus: _focus, ...sink }) => sink);
}

/** The metavariable that marks a node the i-th rule of a combined config matches. */
export const markerOf = (i: number): string => `RAMPART_MARK_${i}`;

/**
 * One config that matches a node when any of `rules` (all combinable, of one language) matches it, and tells
 * which: on such a node, `getMatch(markerOf(i))` is set when the i-th rule matches it. The first clause finds
 * the node; then, for each rule, either the rule and its marker (`$$M`, which binds any node) or an always-true
 * empty regex, so the markers cost rule evaluations only on the rare nodes that matched.
 */
export function combinedConfig(rules: readonly SastRule[]): NapiConfig {
  const utils: Record<string, AstGrepRule> = {};
  const perRule = rules.map((rule, i) => {
    const prefix = `R${i}_`;
    for (const [name, util] of Object.entries(rule.utils ?? {})) utils[`${prefix}${name}`] = renamed(util, prefix);
    const alternatives = alternativesOf(rule).map((alt) => renamed(alt, prefix));
    return alternatives.length === 1 && alternatives[0] !== undefined ? alternatives[0] : { any: alternatives };
  });
  const marks = perRule.map((rule, i) => ({ any: [{ all: [rule, { pattern: `$$${markerOf(i)}` }] }, { regex: '' }] }));
  return asciiRegexes({ rule: { all: [{ any: perRule }, ...marks] } as Rule, utils: utils as Record<string, Rule> });
}

/**
 * The files among `paths` (absolute) where `config` (a combinedConfig of `ruleCount` rules) matches, each with
 * the indices of the rules that match there, parsed as `lang` whatever their extension. ast-grep reads the files
 * itself and silently skips one it cannot read as UTF-8, so callers pass only files they know to be valid UTF-8.
 * Rejects when ast-grep rejects the config.
 */
export function filesWithMatches(lang: NapiLang, paths: readonly string[], config: NapiConfig, ruleCount: number): Promise<Map<string, Set<number>>> {
  const hits = new Map<string, Set<number>>();
  if (paths.length === 0) return Promise.resolve(hits);
  return new Promise((resolve, reject) => {
    let total: number | undefined;
    let calls = 0;
    let failed = false;
    // ast-grep calls back once per file with matches and resolves to their count, possibly before the last callbacks ran.
    const settle = (): void => {
      if (!failed && total !== undefined && calls >= total) resolve(hits);
    };
    findInFiles(lang, { paths: [...new Set(paths)], matcher: config }, (err, nodes) => {
      if (err !== null) {
        failed = true;
        reject(err);
        return;
      }
      calls++;
      const first = nodes[0];
      if (first !== undefined) {
        const matched = new Set<number>();
        for (const node of nodes) for (let i = 0; i < ruleCount; i++) if (!matched.has(i) && node.getMatch(markerOf(i)) !== null) matched.add(i);
        hits.set(first.getRoot().filename(), matched);
      }
      settle();
    }).then((count) => {
      total = count;
      settle();
    }, reject);
  });
}
