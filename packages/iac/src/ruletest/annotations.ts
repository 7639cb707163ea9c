import { parseRuleTestAnnotations, type RuleTestAnnotations } from '@rampart/core';

export type Annotations = RuleTestAnnotations & {
  /** Every rule id named in the file: the rules the file tests. */
  ids: Set<string>;
};

/**
 * The SAST packs' convention (Semgrep's, see parseRuleTestAnnotations). Every IaC format here takes `#` comments;
 * `//` serves for scripts embedded in YAML (actions/github-script).
 */
export function parseAnnotations(text: string): Annotations {
  const parsed = parseRuleTestAnnotations(text, '#|//');
  return { ...parsed, ids: new Set(parsed.written.map((w) => w.id)) };
}
