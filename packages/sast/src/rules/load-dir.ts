import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '@rampart/core';
import type { SastRule } from '../rule-types.js';
import { loadRuleFile } from './load-file.js';

export interface LoadedRule {
  rule: SastRule;
  file: string;
}

const RULE_FILE = /\.ya?ml$/i;

/** Rule files under `dir`, sorted so that load order (and so error order) is the same everywhere. */
export function ruleFilesIn(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new UserError(`cannot read rule directory: ${e instanceof Error ? e.message : String(e)}`, { file: dir, expected: 'a directory of YAML rule files' });
  }
  const out: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...ruleFilesIn(path));
    else if (entry.isFile() && RULE_FILE.test(entry.name)) out.push(path);
  }
  return out;
}

/** Adds rules, refusing an id that another file already uses: `only` and ignores name rules by id. */
export function addUnique(into: Map<string, LoadedRule>, rules: readonly SastRule[], file: string): void {
  for (const rule of rules) {
    const other = into.get(rule.id);
    if (other !== undefined) {
      throw new UserError(`rule id ${rule.id} is also defined in ${other.file}`, { file, field: 'id', expected: 'a rule id used by one rule only' });
    }
    into.set(rule.id, { rule, file });
  }
}

/** Every rule in the `*.yml` / `*.yaml` files under `dir`, recursively. */
export function loadRuleDir(dir: string): SastRule[] {
  const rules = new Map<string, LoadedRule>();
  for (const file of ruleFilesIn(dir)) addUnique(rules, loadRuleFile(file), file);
  return [...rules.values()].map((r) => r.rule);
}

/**
 * The built-in rule packs: the package's `rules/` folder. From the sources this module sits in
 * `src/rules/`; bundled, it is inside `dist/` with `rules/` shipped beside it.
 */
export function builtinRulesDir(override?: string): string {
  if (override !== undefined) return resolve(override);
  const here = dirname(fileURLToPath(import.meta.url));
  const fromSources = here.endsWith(join('src', 'rules'));
  return resolve(here, fromSources ? '../..' : '..', 'rules');
}

/** Whether `dir` exists as a directory (the built-in packs may be absent in a stripped bundle). */
export function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
