import type { SgNode } from '@ast-grep/napi';
import type { Interp } from '../interp.js';
import type { FunctionInfo, Syntax } from '../syntax.js';
import { pointOf, withStep, type Taint } from '../trace.js';
import { javaConstants, javaFold } from './constants.js';
import { JAVA_MUTATORS, javaParams } from './expressions.js';
import { javaGuards } from './guards.js';
import { JAVA_HANDLERS } from './handlers.js';
import { javaPathOf } from './paths.js';

function functionAt(node: SgNode): FunctionInfo | undefined {
  const name = node.field('name');
  const body = node.field('body');
  if (!name || !body) return undefined;
  return { id: node.id(), name: name.text(), node, params: javaParams(node), body, exprBody: false, isMethod: true };
}

function bind(it: Interp, target: SgNode, taint: Taint, step: SgNode, weak = false, field?: string): void {
  const base = javaPathOf(target);
  const path = base && field !== undefined ? `${base}.${field}` : base;
  const stepped = withStep(taint, pointOf(step, `assigned to ${target.text()}`));
  if (!path) {
    // `xs[i] = v`: the whole array now may hold v.
    const array = target.kind() === 'array_access' ? target.field('array') : null;
    const arrayPath = array ? javaPathOf(array) : undefined;
    if (arrayPath) it.state.add(arrayPath, stepped);
    return;
  }
  if (weak) it.state.add(path, stepped);
  else it.state.write(path, stepped);
}

const classNames = new WeakMap<SgNode, Set<string>>();

/** `Util.clean(x)` where `class Util` is declared in this file: a static call to a local method. */
function localReceiver(receiver: SgNode): boolean {
  if (receiver.kind() !== 'identifier' || !/^[A-Z]/.test(receiver.text())) return false;
  const root = receiver.getRoot().root();
  let names = classNames.get(root);
  if (!names) {
    names = new Set();
    for (const decl of root.findAll({ rule: { any: [{ kind: 'class_declaration' }, { kind: 'enum_declaration' }, { kind: 'interface_declaration' }] } })) {
      const name = decl.field('name')?.text();
      if (name) names.add(name);
    }
    classNames.set(root, names);
  }
  return names.has(receiver.text());
}

export const JAVA_SYNTAX: Syntax = {
  handlers: JAVA_HANDLERS,
  functionAt,
  functionKinds: ['method_declaration'],
  pathOf: javaPathOf,
  fold: javaFold,
  constants: javaConstants,
  guards: javaGuards,
  bind,
  implicitThis: true,
  mutators: JAVA_MUTATORS,
  localReceiver,
};
