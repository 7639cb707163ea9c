import type { SgNode } from '@ast-grep/napi';
import { normalizeCallee, visitCall, type ArgPart } from '../calls.js';
import type { Interp } from '../interp.js';
import type { Param } from '../syntax.js';
import { CLEAN, sourceTrace, union, type Taint } from '../trace.js';
import { pyLeftmostString, pyLiteral } from './literals.js';

const SEQUENCES = new Set(['pattern_list', 'tuple_pattern', 'list_pattern', 'tuple', 'list', 'expression_list']);

function named(node: SgNode | null): SgNode[] {
  return node ? node.children().filter((c) => c.isNamed()) : [];
}

export function pyParams(fn: SgNode, dropSelf: boolean): Param[] {
  const out: Param[] = [];
  for (const p of named(fn.field('parameters'))) {
    const kind = p.kind();
    if (kind === 'keyword_separator' || kind === 'positional_separator') continue;
    const name = p.field('name') ?? (kind === 'identifier' ? p : p.children().find((c) => c.kind() === 'identifier'));
    if (!name) continue;
    out.push({ pattern: name, name: name.text(), rest: kind === 'list_splat_pattern' });
  }
  const first = out[0];
  if (dropSelf && first && (first.name === 'self' || first.name === 'cls')) out.shift();
  return out;
}

/** `d = {"a": src, "b": "x"}` taints `d.a` only; other keys taint the whole dict. */
function bindDictLiteral(it: Interp, target: SgNode, value: SgNode, step: SgNode): Taint | undefined {
  const path = it.file.syntax.pathOf(target);
  if (value.kind() !== 'dictionary' || !path || target.kind() !== 'identifier') return undefined;
  const entries: [string | undefined, Taint][] = [];
  for (const entry of named(value)) {
    const key = entry.field('key');
    const literal = key ? pyLiteral(key) : undefined;
    const keyText = typeof literal === 'string' ? literal : undefined;
    if (entry.kind() === 'pair' && keyText !== undefined) entries.push([keyText, it.visit(entry.field('value') ?? entry)]);
    else entries.push([undefined, it.visit(entry)]);
  }
  it.state.write(path, CLEAN);
  for (const [key, taint] of entries) it.file.syntax.bind(it, target, taint, step, true, key);
  return union(...entries.map(([, t]) => t));
}

/** `a, b = x, y` binds element-wise; any other unpacking gives every name the whole value's taint. */
export function visitAssignment(it: Interp, node: SgNode, weak: boolean): Taint {
  const left = node.field('left');
  const right = node.field('right');
  if (!left) return CLEAN;
  if (!right) return CLEAN;
  const targets = named(left);
  const values = named(right);
  if (!weak && SEQUENCES.has(String(left.kind())) && SEQUENCES.has(String(right.kind())) && targets.length === values.length) {
    const taints = values.map((v) => it.visit(v));
    targets.forEach((t, i) => it.file.syntax.bind(it, t, taints[i] ?? CLEAN, node));
    return union(...taints);
  }
  const literal = weak ? undefined : bindDictLiteral(it, left, right, node);
  if (literal) return literal;
  let taint = it.visit(right);
  if (weak) taint = union(taint, it.visit(left));
  it.file.syntax.bind(it, left, taint, node, weak);
  return taint;
}

/** Sources inside an attribute chain (`request.args` in `request.args.get`) that a path read would skip. */
function chainSources(it: Interp, node: SgNode): Taint {
  const found: Taint[] = [];
  let current: SgNode | null = node;
  while (current && (current.kind() === 'attribute' || current.kind() === 'subscript')) {
    current = current.kind() === 'attribute' ? current.field('object') : current.field('value');
    if (current && it.file.sites.sources.has(current.id())) found.push([sourceTrace(current)]);
  }
  return union(...found);
}

export function visitAccess(it: Interp, node: SgNode): Taint {
  const path = it.file.syntax.pathOf(node);
  if (path) return union(it.state.read(path), chainSources(it, node));
  const object = node.kind() === 'attribute' ? node.field('object') : node.field('value');
  const index = node.kind() === 'subscript' ? node.field('subscript') : null;
  if (index) it.visit(index);
  return object ? it.visit(object) : CLEAN;
}

function argParts(args: SgNode | null): ArgPart[] {
  return named(args).map((a): ArgPart => {
    const kind = a.kind();
    if (kind === 'keyword_argument') {
      return { node: a.field('value') ?? a, keyword: a.field('name')?.text() ?? '' };
    }
    if (kind === 'list_splat' || kind === 'dictionary_splat') return { node: a, spread: true };
    return { node: a };
  });
}

export function visitPyCall(it: Interp, node: SgNode): Taint {
  const callee = node.field('function');
  if (!callee) return it.visitChildren(node);
  const object = callee.kind() === 'attribute' ? callee.field('object') : null;
  const method = object ? callee.field('attribute')?.text() : callee.kind() === 'identifier' ? callee.text() : undefined;
  const taint = visitCall(it, {
    node, callee, calleeText: normalizeCallee(callee.text()),
    ...(object ? { receiver: object } : {}),
    ...(method ? { method } : {}),
    args: argParts(node.field('arguments')),
  });
  return method === 'format' && it.file.builtins.prefixSafe(pyLeftmostString(node) ?? '') ? CLEAN : taint;
}

/** `[f(x) for x in xs if c]`: the loop variables take the iterable's taint in a scope of their own. */
export function visitComprehension(it: Interp, node: SgNode): Taint {
  const body = node.field('body');
  return it.branchValue(() => {
    for (const clause of named(node)) {
      if (clause.kind() === 'for_in_clause') {
        const left = clause.field('left');
        const right = clause.field('right');
        const taint = right ? it.visit(right) : CLEAN;
        if (left) it.file.syntax.bind(it, left, taint, clause);
      } else if (clause !== body) it.visit(clause);
    }
    return body ? it.visit(body) : CLEAN;
  });
}

export function visitLambda(it: Interp, node: SgNode): Taint {
  const body = node.field('body');
  if (!body) return CLEAN;
  return it.visitInlineFunction({ node, params: pyParams(node, false), body, exprBody: true });
}
