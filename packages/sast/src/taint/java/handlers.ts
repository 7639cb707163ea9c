import type { SgNode } from '@ast-grep/napi';
import { runBranches, runLoop, runTry, visitIterationLoop, visitWhileLoop, type Arm } from '../flow.js';
import type { Interp } from '../interp.js';
import { State } from '../state.js';
import type { Handler } from '../syntax.js';
import { CLEAN, union, type Taint } from '../trace.js';
import {
  named, visitAccess, visitAssignment, visitBinary, visitCast, visitDeclaration, visitJavaCall, visitLambda, visitNew, visitTernary,
} from './expressions.js';

/** `if / else if / else` as one chain of arms. */
function visitIf(it: Interp, node: SgNode): Taint {
  const arms: Arm[] = [];
  let elseBody: SgNode | undefined;
  let current: SgNode | null = node;
  while (current) {
    const condition = current.field('condition');
    const body = current.field('consequence');
    if (condition && body) arms.push({ condition, body });
    const alt: SgNode | null = current.field('alternative');
    if (alt?.kind() === 'if_statement') current = alt;
    else {
      elseBody = alt ?? undefined;
      current = null;
    }
  }
  return runBranches(it, arms, elseBody, (n) => it.visit(n));
}

function visitFor(it: Interp, node: SgNode): Taint {
  for (const init of node.fieldChildren('init')) it.visit(init);
  const condition = node.field('condition') ?? undefined;
  const body = node.field('body');
  return runLoop(it, condition, () => {
    if (condition) it.visit(condition);
    if (body) it.visit(body);
    for (const update of node.fieldChildren('update')) it.visit(update);
  });
}



function visitDo(it: Interp, node: SgNode): Taint {
  const body = node.field('body');
  const condition = node.field('condition');
  if (body) it.visit(body);
  if (condition) it.visit(condition);
  return visitWhileLoop(it, node);
}

function visitTry(it: Interp, node: SgNode): Taint {
  const resources = node.field('resources');
  if (resources) it.visit(resources);
  const body = node.field('body');
  if (!body) return it.visitChildren(node);
  const handlers: SgNode[] = [];
  let finalizer: SgNode | undefined;
  for (const child of named(node)) {
    if (child.kind() === 'catch_clause') {
      const block = child.field('body');
      if (block) handlers.push(block);
    } else if (child.kind() === 'finally_clause') finalizer = named(child).find((c) => c.kind() === 'block');
  }
  return runTry(it, body, handlers, finalizer, (n) => it.visit(n));
}

/** `try (Reader r = ...)`: each resource binds like a declaration. */
function visitResource(it: Interp, node: SgNode): Taint {
  const name = node.field('name');
  const value = node.field('value');
  const taint = value ? it.visit(value) : it.visitChildren(node);
  if (name) it.file.syntax.bind(it, name, taint, node);
  return CLEAN;
}

/** Each case group runs on its own copy of the state (fall-through is not followed); no match keeps the state. */
function visitSwitch(it: Interp, node: SgNode): Taint {
  const condition = node.field('condition');
  if (condition) it.visit(condition);
  const body = node.field('body');
  const before = it.state;
  const outcomes: State[] = [];
  let hasDefault = false;
  const values: Taint[] = [];
  for (const group of named(body)) {
    if (group.text().startsWith('default')) hasDefault = true;
    outcomes.push(it.branch(before, () => {
      for (const child of named(group)) {
        if (child.kind() === 'switch_label' || it.state.dead) continue;
        values.push(it.visit(child));
      }
    }));
  }
  if (!hasDefault) outcomes.push(before);
  it.state = State.merge(outcomes);
  return node.kind() === 'switch_expression' ? union(...values) : CLEAN;
}

const clean = (it: Interp, node: SgNode): Taint => {
  it.visitChildren(node);
  return CLEAN;
};
const skip = (): Taint => CLEAN;
const block = (it: Interp, n: SgNode): Taint => it.visitBlock(n);

export const JAVA_HANDLERS: Record<string, Handler> = {
  program: (it, n) => it.visitChildren(n),
  block,
  constructor_body: block,
  class_body: (it, n) => it.visitChildren(n),
  local_variable_declaration: visitDeclaration,
  assignment_expression: visitAssignment,
  identifier: (it, n) => it.state.read(n.text()),
  this: (it) => it.state.read('this'),
  field_access: visitAccess,
  array_access: visitAccess,
  method_invocation: visitJavaCall,
  object_creation_expression: visitNew,
  array_creation_expression: (it, n) => {
    const value = n.field('value');
    for (const d of n.fieldChildren('dimensions')) it.visit(d);
    return value ? it.visit(value) : CLEAN;
  },
  array_initializer: (it, n) => it.visitChildren(n),
  argument_list: (it, n) => it.visitChildren(n),
  parenthesized_expression: (it, n) => it.visitChildren(n),
  cast_expression: visitCast,
  binary_expression: visitBinary,
  ternary_expression: visitTernary,
  unary_expression: clean,
  update_expression: clean,
  instanceof_expression: clean,
  lambda_expression: visitLambda,
  if_statement: visitIf,
  for_statement: visitFor,
  enhanced_for_statement: (it, node) => visitIterationLoop(it, node, 'name', 'value'),
  while_statement: visitWhileLoop,
  do_statement: visitDo,
  try_statement: visitTry,
  try_with_resources_statement: visitTry,
  resource_specification: (it, n) => it.visitChildren(n),
  resource: visitResource,
  switch_statement: visitSwitch,
  switch_expression: visitSwitch,
  yield_statement: (it, n) => it.visitChildren(n),
  return_statement: (it, n) => {
    it.addReturn(it.visitChildren(n));
    it.state.dead = true;
    return CLEAN;
  },
  throw_statement: (it, n) => {
    it.visitChildren(n);
    it.state.dead = true;
    return CLEAN;
  },
  // Methods are summarised and applied at their calls; nested type declarations have their own methods.
  method_declaration: skip,
  constructor_declaration: skip,
  compact_constructor_declaration: skip,
  field_declaration: skip,
  class_declaration: (it, n) => {
    const body = n.field('body');
    return body ? it.visit(body) : CLEAN;
  },
  interface_declaration: skip,
  enum_declaration: skip,
  record_declaration: skip,
  annotation_type_declaration: skip,
  import_declaration: skip,
  package_declaration: skip,
  annotation: skip,
  marker_annotation: skip,
  modifiers: skip,
  type_identifier: skip,
  generic_type: skip,
  array_type: skip,
  scoped_type_identifier: skip,
  class_body_anonymous: skip,
  string_literal: skip,
  method_reference: skip,
  class_literal: skip,
  line_comment: skip,
  block_comment: skip,
};
