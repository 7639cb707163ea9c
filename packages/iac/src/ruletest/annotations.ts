export type AnnotationKind = 'ruleid' | 'ok' | 'todoruleid' | 'todook';

/** Rule ids per 1-based line an annotation is about. */
export type LineIds = Map<number, Set<string>>;

export interface Annotations {
  expected: LineIds;
  ok: LineIds;
  todo: LineIds;
  /** Every rule id named in the file: the rules the file tests. */
  ids: Set<string>;
}

const ANNOTATION = /^\s*(?:#|\/\/)\s*(ruleid|ok|todoruleid|todook)\s*:\s*(.*?)\s*$/;

function add(map: LineIds, line: number, id: string): void {
  const ids = map.get(line);
  if (ids) ids.add(id);
  else map.set(line, new Set([id]));
}

/**
 * The SAST packs' convention (Semgrep's): a comment `# ruleid: <id>[, <id>]` or `# ok: <id>` is about the next
 * line that is not itself an annotation. Every IaC format here takes `#` comments; `//` serves for scripts
 * embedded in YAML (actions/github-script).
 */
export function parseAnnotations(text: string): Annotations {
  const out: Annotations = { expected: new Map(), ok: new Map(), todo: new Map(), ids: new Set() };
  const pending: { kind: AnnotationKind; ids: string[] }[] = [];
  text.split(/\r\n|\r|\n/).forEach((content, index) => {
    const m = ANNOTATION.exec(content);
    if (m !== null) {
      pending.push({ kind: m[1] as AnnotationKind, ids: (m[2] ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '') });
      return;
    }
    for (const a of pending.splice(0)) {
      const target = a.kind === 'ruleid' ? out.expected : a.kind === 'ok' ? out.ok : out.todo;
      for (const id of a.ids) {
        add(target, index + 1, id);
        out.ids.add(id);
      }
    }
  });
  return out;
}
