import type { SastLanguage } from '../rule-types.js';

export type AnnotationKind = 'ruleid' | 'ok' | 'todoruleid' | 'todook';

/** Rule ids per 1-based line of the code an annotation is about. */
export type LineIds = Map<number, Set<string>>;

export interface Annotations {
  /** Lines each listed rule must report. */
  expected: LineIds;
  /** Lines each listed rule must not report. */
  ok: LineIds;
  /** Known gaps (`todoruleid`, `todook`): tolerated either way, so a pack can record them honestly. */
  todo: LineIds;
  /** Where each annotation was written, to point at typos in rule ids. */
  written: { line: number; kind: AnnotationKind; id: string }[];
}

const HASH_COMMENT: ReadonlySet<SastLanguage> = new Set(['python', 'ruby']);

function commentOpeners(language: SastLanguage): string {
  if (HASH_COMMENT.has(language)) return '#';
  // PHP takes both comment styles.
  return language === 'php' ? '//|#' : '//';
}

function add(map: LineIds, line: number, id: string): void {
  const ids = map.get(line);
  if (ids) ids.add(id);
  else map.set(line, new Set([id]));
}

/**
 * Semgrep's test annotations: a comment line `ruleid: <id>[, <id>]` (or `ok:`) says what the rules
 * must (not) report on the next line that is not itself an annotation, so annotations can stack.
 */
export function parseAnnotations(text: string, language: SastLanguage): Annotations {
  const line = new RegExp(`^\\s*(?:${commentOpeners(language)})\\s*(ruleid|ok|todoruleid|todook)\\s*:\\s*(.*?)\\s*$`);
  const out: Annotations = { expected: new Map(), ok: new Map(), todo: new Map(), written: [] };
  const pending: { line: number; kind: AnnotationKind; ids: string[] }[] = [];
  text.split(/\r\n|\r|\n/).forEach((content, index) => {
    const m = line.exec(content);
    if (m !== null) {
      const ids = (m[2] ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
      pending.push({ line: index + 1, kind: m[1] as AnnotationKind, ids });
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
