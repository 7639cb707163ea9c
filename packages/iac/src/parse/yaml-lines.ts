import { lineOf } from './yaml-nodes.js';
import type { YamlSource } from './yaml-source.js';

/** The 1-based line, inside `node`'s span, of the first line of the file that contains `needle`. */
export function lineContaining(file: { yaml: YamlSource; lines: readonly string[] }, node: unknown, needle: string): number {
  const range = (node as { range?: [number, number, number] } | undefined)?.range;
  const start = lineOf(file.yaml, node);
  const end = range ? file.yaml.lineAt(range[1]) : start;
  for (let l = start; l <= end; l++) if ((file.lines[l - 1] ?? '').includes(needle)) return l;
  return start;
}
