import type { SgNode } from '@ast-grep/napi';
import { normalizeCallee, visitCall, type ArgPart } from '../calls.js';
import { runBranches, runLoop, runTry, visitIterationLoop, visitWhileLoop, type Arm } from '../flow.js';
import type { Interp } from '../interp.js';
import { State } from '../state.js';
import type { Handler } from '../syntax.js';
import { CLEAN, union, type Taint } from '../trace.js';
import { assignTarget, bindDeclarator, visitFunctionExpression, visitMember, visitSubscript } from './expressions.js';
import { leftmostString } from './literals.js';

const COMPARISON = new Set(['==', '===', '!=', '!==', '<', '>', '<=', '>=', 'instanceof', 'in']);

function operator(node: SgNode): string {
  return node.field('operator')?.text() ?? '';
}

function named(node: SgNode | null): SgNode[] {
  return node ? node.children().filter((c) => c.isNamed()) : [];
}

function callArgs(args: SgNode | null): ArgPart[] {
  return named(args).map((a) => (a.kind() === 'spread_element' ? { node: a, spread: true } : { node: a }));
}

function visitCallExpression(it: Interp, node: SgNode): Taint {
  const callee = node.field('function') ?? node.field('constructor');
  const args = node.field('arguments');
  if (!callee) return it.visitChildren(node);
  // Tagged templates (sql`...`, html`...`) escape their substitutions; String.raw does not.
  if (args?.kind() === 'template_string' && callee.text() !== 'String.raw') {
    it.visitChildren(args);
    return CLEAN;
  }
  const member = callee.kind() === 'member_expression' ? callee : undefined;
  const object = member?.field('object') ?? undefined;
  const property = member?.field('property')?.text();
  const method = member ? property : callee.kind() === 'identifier' ? callee.text() : undefined;
  return visitCall(it, {
    node, callee, calleeText: normalizeCallee(callee.text()),
    ...(object ? { receiver: object } : {}),
    ...(method ? { method } : {}),
    args: callArgs(args),
  });
}

function visitBinary(it: Interp, node: SgNode): Taint {
  const op = operator(node);
  const left = node.field('left');
  const right = node.field('right');
  if (COMPARISON.has(op)) {
    it.visitChildren(node);
    return CLEAN;
  }
  if ((op === '&&' || op === '||') && left && right) {
    const value = it.file.syntax.fold(left, it.file.constants);
    const l = it.visit(left);
    // Short-circuit on a constant: the other side never runs.
    if ((op === '&&' && value === false) || (op === '||' && value === true)) return l;
    return union(l, it.visit(right));
  }
  const taint = it.visitChildren(node);
  if (op === '+' && it.file.builtins.prefixSafe(leftmostString(node) ?? '')) return CLEAN;
  return taint;
}

function visitTernary(it: Interp, node: SgNode): Taint {
  const condition = node.field('condition');
  const yes = node.field('consequence');
  const no = node.field('alternative');
  if (!condition || !yes || !no) return it.visitChildren(node);
  const value = it.file.syntax.fold(condition, it.file.constants);
  it.visit(condition);
  if (value === true) return it.visit(yes);
  if (value === false) return it.visit(no);
  return union(it.visit(yes), it.visit(no));
}

function visitIf(it: Interp, node: SgNode): Taint {
  const arms: Arm[] = [];
  let current: SgNode | null = node;
  let elseBody: SgNode | undefined;
  while (current) {
    const condition = current.field('condition');
    const body = current.field('consequence');
    if (condition && body) arms.push({ condition, body });
    const alt: SgNode | null = current.field('alternative');
    const inner: SgNode | undefined = alt ? named(alt)[0] : undefined;
    if (inner?.kind() === 'if_statement') current = inner;
    else {
      elseBody = inner;
      current = null;
    }
  }
  return runBranches(it, arms, elseBody, (n) => it.visit(n));
}

function visitFor(it: Interp, node: SgNode): Taint {
  const init = node.field('initializer');
  if (init) it.visit(init);
  const condition = node.field('condition') ?? undefined;
  const increment = node.field('increment');
  const body = node.field('body');
  return runLoop(it, condition, () => {
    if (condition) it.visit(condition);
    if (body) it.visit(body);
    if (increment) it.visit(increment);
  });
}



function visitTry(it: Interp, node: SgNode): Taint {
  const body = node.field('body');
  if (!body) return it.visitChildren(node);
  const handler = node.field('handler');
  const finalizer = node.field('finalizer');
  const handlerBody = handler?.field('body');
  return runTry(it, body, handlerBody ? [handlerBody] : [], finalizer?.field('body') ?? undefined, (n) => it.visit(n));
}

function visitSwitch(it: Interp, node: SgNode): Taint {
  const value = node.field('value');
  if (value) it.visit(value);
  const cases = named(node.field('body'));
  const before = it.state;
  const outcomes = cases.map((c) => it.branch(before, () => it.visitBlock(c)));
  if (!cases.some((c) => c.kind() === 'switch_default')) outcomes.push(before);
  it.state = State.merge(outcomes);
  return CLEAN;
}

function visitReturn(it: Interp, node: SgNode): Taint {
  it.addReturn(it.visitChildren(node));
  it.state.dead = true;
  return CLEAN;
}

function skip(): Taint {
  return CLEAN;
}

/** Named functions are walked later, on first call, seeing the state where they were defined. */
function recordClosure(it: Interp, node: SgNode): Taint {
  it.file.closures.set(node.id(), it.state);
  return CLEAN;
}

const clean = (it: Interp, node: SgNode): Taint => {
  it.visitChildren(node);
  return CLEAN;
};

export const JS_HANDLERS: Record<string, Handler> = {
  program: (it, n) => it.visitBlock(n),
  statement_block: (it, n) => it.visitBlock(n),
  class_body: (it, n) => it.visitBlock(n),
  else_clause: (it, n) => it.visitBlock(n),
  variable_declarator: bindDeclarator,
  assignment_expression: (it, n) => assignTarget(it, n, false),
  augmented_assignment_expression: (it, n) => assignTarget(it, n, true),
  identifier: (it, n) => it.state.read(n.text()),
  shorthand_property_identifier: (it, n) => it.state.read(n.text()),
  this: (it) => it.state.read('this'),
  member_expression: visitMember,
  subscript_expression: visitSubscript,
  call_expression: visitCallExpression,
  new_expression: visitCallExpression,
  binary_expression: visitBinary,
  ternary_expression: visitTernary,
  unary_expression: clean,
  update_expression: clean,
  template_string: (it, n) => {
    const taint = it.visitChildren(n);
    return it.file.builtins.prefixSafe(leftmostString(n) ?? '') ? CLEAN : taint;
  },
  arrow_function: visitFunctionExpression,
  function_expression: visitFunctionExpression,
  function: visitFunctionExpression,
  generator_function: visitFunctionExpression,
  function_declaration: recordClosure,
  generator_function_declaration: recordClosure,
  method_definition: recordClosure,
  import_statement: skip,
  type_alias_declaration: skip,
  interface_declaration: skip,
  type_annotation: skip,
  if_statement: visitIf,
  for_statement: visitFor,
  for_in_statement: (it, node) => visitIterationLoop(it, node, 'left', 'right'),
  while_statement: visitWhileLoop,
  do_statement: visitWhileLoop,
  try_statement: visitTry,
  switch_statement: visitSwitch,
  return_statement: visitReturn,
  throw_statement: (it, n) => {
    it.visitChildren(n);
    it.state.dead = true;
    return CLEAN;
  },
};
