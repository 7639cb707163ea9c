import type { SgNode } from '@ast-grep/napi';
import type { TaintPoint } from './types.js';

/** Where a taint comes from: a real source, or (inside a function summary) the function's n-th parameter. */
export type Origin = { kind: 'source'; id: number; point: TaintPoint } | { kind: 'param'; index: number };

/** One way a value got tainted: its origin and the steps it took since. */
export interface Trace {
  origin: Origin;
  steps: readonly TaintPoint[];
}

/** The taint of a value: empty when clean. Several origins are kept so every source can be reported. */
export type Taint = readonly Trace[];

export const CLEAN: Taint = [];

// Bounds that keep pathological files (long concatenation chains, many sources) linear.
const MAX_TRACES = 6;
const MAX_STEPS = 16;
const MAX_TEXT = 200;

export function originKey(origin: Origin): string {
  return origin.kind === 'source' ? `s${origin.id}` : `p${origin.index}`;
}

export function pointOf(node: SgNode, label: string): TaintPoint {
  const { start, end } = node.range();
  const text = node.text();
  return {
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    text: text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text,
    label,
  };
}

/** Union of taints, one trace per origin (the one with the fewest steps wins: shorter code flows read better). */
export function union(...taints: Taint[]): Taint {
  const nonEmpty = taints.filter((t) => t.length > 0);
  if (nonEmpty.length <= 1) return nonEmpty[0] ?? CLEAN;
  const byOrigin = new Map<string, Trace>();
  for (const taint of nonEmpty) {
    for (const trace of taint) {
      const key = originKey(trace.origin);
      const seen = byOrigin.get(key);
      if (!seen || seen.steps.length > trace.steps.length) byOrigin.set(key, trace);
    }
  }
  return [...byOrigin.values()].slice(0, MAX_TRACES);
}

/** The same taint, having passed through one more step. */
export function withStep(taint: Taint, step: TaintPoint): Taint {
  if (taint.length === 0) return taint;
  return taint.map((t) => (t.steps.length >= MAX_STEPS ? t : { origin: t.origin, steps: [...t.steps, step] }));
}

/** The same taint, having passed through several steps (a callee's inner path). */
export function withSteps(taint: Taint, steps: readonly TaintPoint[]): Taint {
  if (taint.length === 0 || steps.length === 0) return taint;
  return taint.map((t) => ({ origin: t.origin, steps: [...t.steps, ...steps].slice(0, MAX_STEPS) }));
}

export function sourceTrace(node: SgNode): Trace {
  return { origin: { kind: 'source', id: node.id(), point: pointOf(node, `source: ${node.text()}`) }, steps: [] };
}
