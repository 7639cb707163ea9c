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
 * parse per file. Only the few files where it matches are scanned rule by rule, by the exact per-file path,
 * so findings are the same by construction: a file where no alternative matches holds no search finding and
 * no taint sink (a taint rule only reports at a sink).
 */

/** Rules whose `constraints` talk about metavariables are left out: in one combined rule their names would clash. */
export function combinable(rule: SastRule): boolean {
  return rule.mode === 'taint' || rule.constraints === undefined;
}

/** The same rule object with every `matches:` reference renamed by `rename`. */
function renameMatches<T>(value: T, rename: (util: string) => string): T {
  if (Array.isArray(value)) return value.map((v: unknown) => renameMatches(v, rename)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = k === 'matches' && typeof v === 'string' ? rename(v) : renameMatches(v, rename);
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

/**
 * One config that matches a node when any of `rules` (all combinable, of one language) matches it. Each rule's
 * utils are renamed apart (`r3.name`), since two rules may define utils of the same name differently.
 */
export function combinedConfig(rules: readonly SastRule[]): NapiConfig {
  const any: AstGrepRule[] = [];
  const utils: Record<string, AstGrepRule> = {};
  rules.forEach((rule, i) => {
    const rename = (name: string): string => `r${i}.${name}`;
    for (const [name, util] of Object.entries(rule.utils ?? {})) utils[rename(name)] = renameMatches(util, rename);
    for (const alt of alternativesOf(rule)) any.push(renameMatches(alt, rename));
  });
  return asciiRegexes({ rule: { any } as Rule, utils: utils as Record<string, Rule> });
}

/**
 * The files among `paths` (absolute) where `config` matches at least once, parsed as `lang` whatever their
 * extension. ast-grep reads the files itself and silently skips one it cannot read as UTF-8, so callers pass
 * only files they know to be valid UTF-8. Rejects when ast-grep rejects the config.
 */
export function filesWithMatches(lang: NapiLang, paths: readonly string[], config: NapiConfig): Promise<Set<string>> {
  const hits = new Set<string>();
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
      if (first !== undefined) hits.add(first.getRoot().filename());
      settle();
    }).then((count) => {
      total = count;
      settle();
    }, reject);
  });
}
