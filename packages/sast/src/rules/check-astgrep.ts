import { parse, type NapiConfig, type Rule, type SgNode } from '@ast-grep/napi';
import { UserError } from '@rampart/core';
import type { AstGrepRule, SastLanguage, SastRule } from '../rule-types.js';
import { napiLang, registerLanguages } from '../engine/languages.js';
import { napiConfigOf } from '../engine/scan-source.js';

interface Part {
  field: string;
  config: NapiConfig;
}

function taintPart(field: string, rule: AstGrepRule, utils: Record<string, AstGrepRule> | undefined): Part {
  // `focus` is ours, not ast-grep's: the taint analysis reads it, ast-grep must not see it.
  const { focus: _focus, ...astGrep } = rule;
  return { field, config: { rule: astGrep as Rule, ...(utils !== undefined ? { utils: utils as Record<string, Rule> } : {}) } };
}

function partsOf(rule: SastRule): Part[] {
  if (rule.mode === 'search') return [{ field: 'rule', config: napiConfigOf(rule) }];
  return [
    ...rule.sources.map((r, i) => taintPart(`sources[${i}]`, r, rule.utils)),
    ...rule.sinks.map((r, i) => taintPart(`sinks[${i}]`, r, rule.utils)),
    ...(rule.sanitizers ?? []).map((r, i) => taintPart(`sanitizers[${i}]`, r, rule.utils)),
  ];
}

const emptyRoots = new Map<SastLanguage, SgNode>();

function emptyRoot(language: SastLanguage): SgNode {
  let root = emptyRoots.get(language);
  if (root === undefined) {
    registerLanguages();
    root = parse(napiLang(language), '').root();
    emptyRoots.set(language, root);
  }
  return root;
}

/**
 * Compiles every ast-grep part of a rule for each of its languages, so that a pattern that does not
 * parse or a misspelt kind is reported when the rules load, naming the file and rule, and not as a
 * failure on every scanned file. Searching an empty file is how napi exposes compilation.
 */
export function checkAstGrep(rule: SastRule, file: string): void {
  for (const language of rule.languages) {
    for (const part of partsOf(rule)) {
      try {
        emptyRoot(language).findAll(part.config);
      } catch (e) {
        const reason = (e instanceof Error ? e.message : String(e)).replace(/\.?\s*\n\s*\|->\s*/g, ': ');
        throw new UserError(`rule ${rule.id}: ast-grep rejects it for ${language}: ${reason}`, {
          file,
          field: part.field,
          expected: 'a valid ast-grep rule (https://ast-grep.github.io/reference/rule.html)',
        });
      }
    }
  }
}
