import type { SgNode } from '@ast-grep/napi';
import { applyAssertion, runBranches, runLoop, runTry, visitWhileLoop, type Arm } from '../flow.js';
import type { Interp } from '../interp.js';
import type { Handler } from '../syntax.js';
import { CLEAN, union, type Taint } from '../trace.js';
import { visitAccess, visitAssignment, visitComprehension, visitLambda, visitPyCall } from './expressions.js';
import { pyLeftmostString } from './literals.js';

function named(node: SgNode | null): SgNode[] {
  return node ? node.children().filter((c) => c.isNamed()) : [];
}

function visitIf(it: Interp, node: SgNode): Taint {
  const arms: Arm[] = [];
  const condition = node.field('condition');
  const body = node.field('consequence');
  if (condition && body) arms.push({ condition, body });
  let elseBody: SgNode | undefined;
  for (const alt of node.fieldChildren('alternative')) {
    const c = alt.field('condition');
    const b = alt.field('consequence');
    if (c && b) arms.push({ condition: c, body: b });
    else elseBody = alt.field('body') ?? undefined;
  }
  return runBranches(it, arms, elseBody, (n) => it.visit(n));
}

function visitFor(it: Interp, node: SgNode): Taint {
  const left = node.field('left');
  const right = node.field('right');
  const body = node.field('body');
  const taint = right ? it.visit(right) : CLEAN;
  runLoop(it, undefined, () => {
    if (left) it.file.syntax.bind(it, left, taint, node);
    if (body) it.visit(body);
  });
  const orElse = node.field('alternative');
  if (orElse) it.visit(orElse);
  return CLEAN;
}


function visitTry(it: Interp, node: SgNode): Taint {
  const body = node.field('body');
  if (!body) return it.visitChildren(node);
  const handlers: SgNode[] = [];
  let finalizer: SgNode | undefined;
  for (const child of named(node)) {
    const kind = child.kind();
    if (kind === 'except_clause' || kind === 'except_group_clause') {
      const block = named(child).find((c) => c.kind() === 'block');
      if (block) handlers.push(block);
    } else if (kind === 'finally_clause') finalizer = named(child).find((c) => c.kind() === 'block');
  }
  const orElse = named(node).find((c) => c.kind() === 'else_clause');
  return runTry(it, body, handlers, finalizer, (n) => {
    it.visit(n);
    if (n === body && orElse && !it.state.dead) it.visit(orElse);
  });
}

function visitWith(it: Interp, node: SgNode): Taint {
  for (const item of node.findAll({ rule: { kind: 'with_item' } })) {
    const value = item.field('value');
    if (!value) continue;
    if (value.kind() === 'as_pattern') {
      const expr = named(value)[0];
      const alias = value.field('alias');
      const taint = expr ? it.visit(expr) : CLEAN;
      if (alias) it.file.syntax.bind(it, alias, taint, item);
    } else it.visit(value);
  }
  const body = node.field('body');
  if (body) it.visit(body);
  return CLEAN;
}

function visitBoolean(it: Interp, node: SgNode): Taint {
  const left = node.field('left');
  const right = node.field('right');
  if (!left || !right) return it.visitChildren(node);
  const value = it.file.syntax.fold(left, it.file.constants);
  const l = it.visit(left);
  const op = node.field('operator')?.text();
  if ((op === 'and' && value === false) || (op === 'or' && value === true)) return l;
  return union(l, it.visit(right));
}

function visitConditional(it: Interp, node: SgNode): Taint {
  const [yes, condition, no] = named(node);
  if (!yes || !condition || !no) return it.visitChildren(node);
  const value = it.file.syntax.fold(condition, it.file.constants);
  it.visit(condition);
  if (value === true) return it.visit(yes);
  if (value === false) return it.visit(no);
  return union(it.visit(yes), it.visit(no));
}

function stringBuilding(it: Interp, node: SgNode): Taint {
  const taint = it.visitChildren(node);
  return it.file.builtins.prefixSafe(pyLeftmostString(node) ?? '') ? CLEAN : taint;
}

const clean = (it: Interp, node: SgNode): Taint => {
  it.visitChildren(node);
  return CLEAN;
};
const skip = (): Taint => CLEAN;

export const PY_HANDLERS: Record<string, Handler> = {
  module: (it, n) => it.visitBlock(n),
  block: (it, n) => it.visitBlock(n),
  else_clause: (it, n) => it.visitBlock(n.field('body') ?? n),
  assignment: (it, n) => visitAssignment(it, n, false),
  augmented_assignment: (it, n) => visitAssignment(it, n, true),
  named_expression: (it, n) => {
    const value = n.field('value');
    const name = n.field('name');
    const taint = value ? it.visit(value) : CLEAN;
    if (name) it.file.syntax.bind(it, name, taint, n);
    return taint;
  },
  identifier: (it, n) => it.state.read(n.text()),
  attribute: visitAccess,
  subscript: visitAccess,
  call: visitPyCall,
  keyword_argument: (it, n) => {
    const value = n.field('value');
    return value ? it.visit(value) : CLEAN;
  },
  string: stringBuilding,
  binary_operator: stringBuilding,
  comparison_operator: clean,
  not_operator: clean,
  unary_operator: clean,
  boolean_operator: visitBoolean,
  conditional_expression: visitConditional,
  list_comprehension: visitComprehension,
  set_comprehension: visitComprehension,
  dictionary_comprehension: visitComprehension,
  generator_expression: visitComprehension,
  lambda: visitLambda,
  function_definition: (it, n) => {
    it.file.closures.set(n.id(), it.state);
    return CLEAN;
  },
  decorated_definition: (it, n) => {
    const definition = n.field('definition');
    return definition ? it.visit(definition) : CLEAN;
  },
  class_definition: (it, n) => {
    const body = n.field('body');
    return body ? it.visit(body) : CLEAN;
  },
  if_statement: visitIf,
  for_statement: visitFor,
  while_statement: visitWhileLoop,
  try_statement: visitTry,
  with_statement: visitWith,
  return_statement: (it, n) => {
    it.addReturn(it.visitChildren(n));
    it.state.dead = true;
    return CLEAN;
  },
  raise_statement: (it, n) => {
    it.visitChildren(n);
    it.state.dead = true;
    return CLEAN;
  },
  assert_statement: (it, n) => {
    it.visitChildren(n);
    const condition = named(n)[0];
    if (condition) applyAssertion(it, condition);
    return CLEAN;
  },
  import_statement: skip,
  import_from_statement: skip,
  future_import_statement: skip,
  global_statement: skip,
  nonlocal_statement: skip,
  type: skip,
};
