import type { SgNode } from '@ast-grep/napi';
import type { Interp } from '../interp.js';
import type { FunctionInfo, Syntax } from '../syntax.js';
import { pointOf, withStep, type Taint } from '../trace.js';
import { jsConstants, jsFold } from './constants.js';
import { isFunctionValue, jsParams } from './expressions.js';
import { jsGuards } from './guards.js';
import { JS_HANDLERS } from './handlers.js';
import { pathOfNode as pathOf } from './paths.js';

function functionAt(node: SgNode): FunctionInfo | undefined {
  const kind = node.kind();
  let fn: SgNode | null = node;
  const name: SgNode | null = node.field('name');
  if (kind === 'variable_declarator') {
    fn = node.field('value');
    if (!isFunctionValue(fn) || name?.kind() !== 'identifier') return undefined;
  }
  const body = fn?.field('body');
  if (!fn || !name || !body) return undefined;
  return {
    id: node.id(),
    name: name.text(),
    node,
    params: jsParams(fn),
    body,
    exprBody: body.kind() !== 'statement_block',
    isMethod: kind === 'method_definition',
  };
}

function label(target: SgNode): string {
  return `assigned to ${target.text()}`;
}

/** Binds a declaration or assignment target; destructured names each get the whole value's taint. */
function bind(it: Interp, target: SgNode, taint: Taint, step: SgNode, weak = false, field?: string): void {
  const kind = target.kind();
  if (kind === 'object_pattern' || kind === 'array_pattern') {
    for (const child of target.children()) if (child.isNamed()) bind(it, child, taint, step, weak);
    return;
  }
  if (kind === 'pair_pattern') {
    const value = target.field('value');
    if (value) bind(it, value, taint, step, weak);
    return;
  }
  if (kind === 'assignment_pattern' || kind === 'object_assignment_pattern') {
    const left = target.field('left');
    if (left) bind(it, left, taint, step, weak);
    return;
  }
  if (kind === 'rest_pattern') {
    const inner = target.children().find((c) => c.isNamed());
    if (inner) bind(it, inner, taint, step, weak);
    return;
  }
  const base = pathOf(target);
  const path = base && field !== undefined ? `${base}.${field}` : base;
  if (!path) {
    // `a[i] = x`: the whole array now may hold x.
    const object = target.field('object');
    const base = object ? pathOf(object) : undefined;
    if (base) it.state.add(base, withStep(taint, pointOf(step, label(object as SgNode))));
    return;
  }
  const stepped = withStep(taint, pointOf(step, label(target)));
  // Writing a field of an object keeps its other fields: a strong update only replaces that path.
  if (weak) it.state.add(path, stepped);
  else it.state.write(path, stepped);
}

export const JS_SYNTAX: Syntax = {
  handlers: JS_HANDLERS,
  functionAt,
  functionKinds: ['function_declaration', 'generator_function_declaration', 'method_definition', 'variable_declarator'],
  pathOf,
  fold: jsFold,
  constants: jsConstants,
  guards: jsGuards,
  bind,
};
