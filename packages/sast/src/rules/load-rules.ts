import { UserError } from '@rampart/core';
import type { SastRule } from '../rule-types.js';
import { addUnique, builtinRulesDir, isDirectory, ruleFilesIn, type LoadedRule } from './load-dir.js';
import { loadRuleFile } from './load-file.js';

export interface LoadRulesOptions {
  /** Load the built-in packs (default true). */
  builtin?: boolean;
  /** Where the built-in packs are, when not beside the package (see builtinRulesDir). */
  builtinDir?: string;
  /** More rule directories (or single rule files). */
  extraDirs?: string[];
  /** Keep only these rules: full ids, or prefixes ending at a `.`, `-` or `_` boundary (`python`, `js.xss`). */
  only?: string[];
}

/** Whether a rule id is selected by an `only` entry: the id itself, or a prefix ending at a separator. */
export function selects(entry: string, id: string): boolean {
  if (id === entry) return true;
  if (!id.startsWith(entry)) return false;
  return /[._-]$/.test(entry) || /[._-]/.test(id.charAt(entry.length));
}

function filterOnly(rules: LoadedRule[], only: readonly string[]): LoadedRule[] {
  for (const entry of only) {
    if (!rules.some((r) => selects(entry, r.rule.id))) {
      throw new UserError(`no rule matches "${entry}"`, { field: 'only', expected: 'a rule id or id prefix of a loaded rule' });
    }
  }
  return rules.filter((r) => only.some((entry) => selects(entry, r.rule.id)));
}

function filesOf(path: string): string[] {
  return isDirectory(path) ? ruleFilesIn(path) : [path];
}

/** The rules a scan runs: built-in packs and extra directories, ids unique across all of them. */
export function loadRulesWithFiles(opts: LoadRulesOptions = {}): LoadedRule[] {
  const dirs: string[] = [];
  if (opts.builtin !== false) {
    const builtin = builtinRulesDir(opts.builtinDir);
    if (isDirectory(builtin)) dirs.push(builtin);
    else if (opts.builtinDir !== undefined) throw new UserError('built-in rule directory not found', { file: builtin, expected: 'a directory' });
  }
  dirs.push(...(opts.extraDirs ?? []));
  const rules = new Map<string, LoadedRule>();
  for (const dir of dirs) {
    for (const file of filesOf(dir)) addUnique(rules, loadRuleFile(file), file);
  }
  const all = [...rules.values()];
  return opts.only !== undefined && opts.only.length > 0 ? filterOnly(all, opts.only) : all;
}

export function loadRules(opts: LoadRulesOptions = {}): SastRule[] {
  return loadRulesWithFiles(opts).map((r) => r.rule);
}
