export type RuleTestAnnotationKind = 'ruleid' | 'ok' | 'todoruleid' | 'todook';

/** Rule ids per 1-based line of the code an annotation is about. */
export type RuleTestLineIds = Map<number, Set<string>>;

export interface RuleTestAnnotations {
  /** Lines each listed rule must report. */
  expected: RuleTestLineIds;
  /** Lines each listed rule must not report. */
  ok: RuleTestLineIds;
  /** Known gaps (`todoruleid`, `todook`): tolerated either way, so a pack can record them honestly. */
  todo: RuleTestLineIds;
  /** Where each annotation was written, to point at typos in rule ids. */
  written: { line: number; kind: RuleTestAnnotationKind; id: string }[];
}

function add(map: RuleTestLineIds, line: number, id: string): void {
  const ids = map.get(line);
  if (ids) ids.add(id);
  else map.set(line, new Set([id]));
}

/**
 * Semgrep's test annotations, the convention of every rule pack here (SAST and IaC): a comment line
 * `ruleid: <id>[, <id>]` (or `ok:`, `todoruleid:`, `todook:`) says what the rules must (not) report on the next
 * line that is not itself an annotation, so annotations can stack. `commentOpeners` is a regex alternation of the
 * language's line comment openers, e.g. `#` or `//|#`.
 */
export function parseRuleTestAnnotations(text: string, commentOpeners: string): RuleTestAnnotations {
  const line = new RegExp(`^\\s*(?:${commentOpeners})\\s*(ruleid|ok|todoruleid|todook)\\s*:\\s*(.*?)\\s*$`);
  const out: RuleTestAnnotations = { expected: new Map(), ok: new Map(), todo: new Map(), written: [] };
  const pending: { line: number; kind: RuleTestAnnotationKind; ids: string[] }[] = [];
  text.split(/\r\n|\r|\n/).forEach((content, index) => {
    const m = line.exec(content);
    if (m !== null) {
      const ids = (m[2] ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
      pending.push({ line: index + 1, kind: m[1] as RuleTestAnnotationKind, ids });
      return;
    }
    for (const a of pending.splice(0)) {
      const target = a.kind === 'ruleid' ? out.expected : a.kind === 'ok' ? out.ok : out.todo;
      for (const id of a.ids) {
        add(target, index + 1, id);
        out.written.push({ line: a.line, kind: a.kind, id });
      }
    }
  });
  return out;
}
