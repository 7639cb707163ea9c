/**
 * The rule format of Rampart SAST: an ast-grep rule (https://ast-grep.github.io/reference/yaml.html)
 * plus our metadata, one rule per YAML document. Rule packs live in `packages/sast/rules/<language>/`,
 * each `<name>.yml` beside its test file `<name>.<ext>` (see ruletest/).
 */
export const SAST_LANGUAGES = ['javascript', 'typescript', 'tsx', 'python', 'java', 'go', 'ruby', 'php'] as const;
export type SastLanguage = (typeof SAST_LANGUAGES)[number];

/** An ast-grep rule object: pattern, kind, regex, inside, has, follows, precedes, all, any, not, matches. */
export type AstGrepRule = Record<string, unknown>;

interface RuleMeta {
  id: string;
  /** One language, or several that share a grammar family (javascript, typescript, tsx). */
  languages: SastLanguage[];
  message: string;
  /** Title shown in reports; defaults to the first sentence of the message. */
  title?: string;
  severity: 'critical' | 'high' | 'medium' | 'low' | 'info';
  confidence: 'high' | 'medium' | 'low';
  /** `CWE-78` style; at least one. */
  cwe: string[];
  /** e.g. `A03:2021-Injection`. */
  owasp?: string[];
  references?: string[];
  /** Markdown remediation. */
  fix?: string;
}

/** A structural rule: ast-grep matches it directly. */
export interface PatternRule extends RuleMeta {
  mode: 'search';
  rule: AstGrepRule;
  constraints?: Record<string, AstGrepRule>;
  utils?: Record<string, AstGrepRule>;
}

/**
 * A taint rule: data from a `source` that reaches a `sink` without passing a `sanitizer`, inside one
 * file, through assignments, string building, collections, calls and returns. A sink rule may name a
 * metavariable in `focus` (e.g. `$CMD` of `exec($CMD)`): only that argument is checked for taint.
 */
export interface TaintRule extends RuleMeta {
  mode: 'taint';
  sources: AstGrepRule[];
  sinks: (AstGrepRule & { focus?: string })[];
  sanitizers?: AstGrepRule[];
  utils?: Record<string, AstGrepRule>;
}

export type SastRule = PatternRule | TaintRule;
