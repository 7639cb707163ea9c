import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

export type Path = readonly PropertyKey[];

function child(doc: Document, node: unknown, seg: PropertyKey): { key?: Node; value?: Node } | undefined {
  const n = isAlias(node) ? node.resolve(doc) : node;
  if (isMap(n)) {
    for (const pair of n.items) {
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      if (String(key) === String(seg)) {
        return {
          ...(isScalar(pair.key) ? { key: pair.key } : {}),
          ...(pair.value && typeof pair.value === 'object' ? { value: pair.value as Node } : {}),
        };
      }
    }
    return undefined;
  }
  if (isSeq(n) && typeof seg === 'number') {
    const item = n.items[seg];
    return item && typeof item === 'object' ? { value: item as Node } : undefined;
  }
  return undefined;
}

/**
 * The 1-based line of the YAML node at `path`, or of the deepest node on the way there when the
 * path does not exist (a missing field is reported at the mapping that should hold it). With
 * `atKey`, a map entry is located by its key rather than its value (for unknown keys).
 */
export function lineOfPath(doc: Document, lineCounter: LineCounter, path: Path, atKey = false): number | undefined {
  let node: unknown = doc.contents;
  let offset = rangeStart(node);
  for (const seg of path) {
    const next = child(doc, node, seg);
    if (next === undefined) break;
    const target = atKey && seg === path[path.length - 1] ? (next.key ?? next.value) : (next.value ?? next.key);
    offset = rangeStart(target) ?? offset;
    node = next.value;
    if (node === undefined) break;
  }
  return offset === undefined ? undefined : lineCounter.linePos(offset).line;
}

function rangeStart(node: unknown): number | undefined {
  if (node && typeof node === 'object' && 'range' in node) {
    const range = (node as { range?: [number, number, number] | null }).range;
    return range?.[0];
  }
  return undefined;
}
