import type { SgNode } from '@ast-grep/napi';
import type { Interp } from '../interp.js';
import type { FunctionInfo, Syntax } from '../syntax.js';
import { pointOf, withStep, type Taint } from '../trace.js';
import { pyConstants, pyFold } from './constants.js';
import { pyParams } from './expressions.js';
import { pyGuards } from './guards.js';
import { PY_HANDLERS } from './handlers.js';
import { pyPathOf } from './paths.js';

function inClass(fn: SgNode): boolean {
  let parent = fn.parent();
  if (parent?.kind() === 'decorated_definition') parent = parent.parent();
  return parent?.kind() === 'block' && parent.parent()?.kind() === 'class_definition';
}

function functionAt(node: SgNode): FunctionInfo | undefined {
  const name = node.field('name');
  const body = node.field('body');
  if (!name || !body) return undefined;
  const isMethod = inClass(node);
  return { id: node.id(), name: name.text(), node, params: pyParams(node, isMethod), body, exprBody: false, isMethod };
}

function bind(it: Interp, target: SgNode, taint: Taint, step: SgNode, weak = false, field?: string): void {
  const kind = target.kind();
  if (['pattern_list', 'tuple_pattern', 'list_pattern', 'tuple', 'list', 'expression_list', 'parenthesized_expression'].includes(String(kind))) {
    for (const child of target.children()) if (child.isNamed()) bind(it, child, taint, step, weak);
    return;
  }
  if (kind === 'list_splat_pattern' || kind === 'as_pattern_target' || kind === 'list_splat') {
    const inner = target.children().find((c) => c.isNamed());
    if (inner) bind(it, inner, taint, step, weak);
    return;
  }
  const base = pyPathOf(target);
  const path = base && field !== undefined ? `${base}.${field}` : base;
  const stepped = withStep(taint, pointOf(step, `assigned to ${target.text()}`));
  if (!path) {
    // `xs[i] = v`: the whole collection now may hold v.
    const object = kind === 'subscript' ? target.field('value') : null;
    const base = object ? pyPathOf(object) : undefined;
    if (base) it.state.add(base, stepped);
    return;
  }
  if (weak) it.state.add(path, stepped);
  else it.state.write(path, stepped);
}

export const PY_SYNTAX: Syntax = {
  handlers: PY_HANDLERS,
  functionAt,
  functionKinds: ['function_definition'],
  pathOf: pyPathOf,
  fold: pyFold,
  constants: pyConstants,
  guards: pyGuards,
  bind,
};
