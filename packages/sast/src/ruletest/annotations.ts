import { parseRuleTestAnnotations, type RuleTestAnnotationKind, type RuleTestAnnotations, type RuleTestLineIds } from '@rampart/core';
import type { SastLanguage } from '../rule-types.js';

export type AnnotationKind = RuleTestAnnotationKind;
export type LineIds = RuleTestLineIds;
export type Annotations = RuleTestAnnotations;

const HASH_COMMENT: ReadonlySet<SastLanguage> = new Set(['python', 'ruby']);

function commentOpeners(language: SastLanguage): string {
  if (HASH_COMMENT.has(language)) return '#';
  // PHP takes both comment styles.
  return language === 'php' ? '//|#' : '//';
}

/** Semgrep's test annotations in the language's own line comments (see parseRuleTestAnnotations). */
export function parseAnnotations(text: string, language: SastLanguage): Annotations {
  return parseRuleTestAnnotations(text, commentOpeners(language));
}
