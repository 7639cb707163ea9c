import type { SgNode } from '@ast-grep/napi';
import { normalizeCallee, visitCall } from '../calls.js';
import type { Interp } from '../interp.js';
import type { Param } from '../syntax.js';
import { CLEAN, pointOf, sourceTrace, union, withStep, type Taint } from '../trace.js';
import { javaLeftmostString, javaLiteral } from './literals.js';
import { javaPathOf } from './paths.js';

// Collection methods that store an argument in the receiver, beyond the generic add/append/set/insert/push.
export const JAVA_MUTATORS: ReadonlySet<string> = new Set([
  'put', 'putAll', 'putIfAbsent', 'addAll', 'offer', 'offerFirst', 'offerLast', 'addFirst', 'addLast', 'addElement', 'setProperty',
]);
// Primitive types: a value cast to one of them carries no text.
const PRIMITIVES = new Set(['integral_type', 'floating_point_type', 'boolean_type']);

export function named(node: SgNode | null | undefined): SgNode[] {
  return node ? node.children().filter((c) => c.isNamed()) : [];
}

/** Parameters of a method, constructor or lambda. */
export function javaParams(fn: SgNode): Param[] {
  const params = fn.field('parameters');
  if (!params) return [];
  if (params.kind() === 'identifier') return [{ pattern: params, name: params.text(), rest: false }];
  const out: Param[] = [];
  for (const p of named(params)) {
    const kind = p.kind();
    if (kind === 'identifier') out.push({ pattern: p, name: p.text(), rest: false });
    else if (kind === 'formal_parameter') {
      const name = p.field('name');
      if (name) out.push({ pattern: name, name: name.text(), rest: false });
    } else if (kind === 'spread_parameter') {
      const declarator = named(p).find((c) => c.kind() === 'variable_declarator');
      const name = declarator?.field('name') ?? named(p).find((c) => c.kind() === 'identifier');
      if (name) out.push({ pattern: name, name: name.text(), rest: true });
    }
  }
  return out;
}

/** Sources inside a field chain (`req.x` in `req.x.y`) that a path read would skip. */
function chainSources(it: Interp, node: SgNode): Taint {
  const found: Taint[] = [];
  let current: SgNode | null = node;
  while (current && (current.kind() === 'field_access' || current.kind() === 'array_access')) {
    current = current.kind() === 'field_access' ? current.field('object') : current.field('array');
    if (current && it.file.sites.sources.has(current.id())) found.push([sourceTrace(current)]);
  }
  return union(...found);
}

export function visitAccess(it: Interp, node: SgNode): Taint {
  // `arr.length` is a number.
  if (node.kind() === 'field_access' && node.field('field')?.text() === 'length') return CLEAN;
  const path = javaPathOf(node);
  if (path) return union(it.state.read(path), chainSources(it, node));
  if (node.kind() === 'array_access') {
    const index = node.field('index');
    if (index) it.visit(index);
    const array = node.field('array');
    return array ? it.visit(array) : CLEAN;
  }
  const object = node.field('object');
  return object ? it.visit(object) : CLEAN;
}

/** `String x = e, y;`: each declarator binds its initializer's taint; one without an initializer is clean. */
export function visitDeclaration(it: Interp, node: SgNode): Taint {
  // `int n = ...`, `boolean ok = ...`: a number or a boolean carries no attacker-shaped text.
  const primitive = PRIMITIVES.has(String(node.field('type')?.kind()));
  for (const decl of named(node)) {
    if (decl.kind() !== 'variable_declarator') continue;
    const name = decl.field('name');
    const value = decl.field('value');
    if (!name) continue;
    const taint = value ? it.visit(value) : CLEAN;
    it.file.syntax.bind(it, name, primitive ? CLEAN : taint, decl);
  }
  return CLEAN;
}

/** `x = e` replaces; `x += e` adds. */
export function visitAssignment(it: Interp, node: SgNode): Taint {
  const left = node.field('left');
  const right = node.field('right');
  if (!left || !right) return it.visitChildren(node);
  const op = node.field('operator')?.text() ?? '=';
  let taint = it.visit(right);
  if (op === '=') {
    it.file.syntax.bind(it, left, taint, node);
    return taint;
  }
  // Compound arithmetic assignments keep a number a number; `+=` may build a string.
  if (op !== '+=') return CLEAN;
  taint = union(taint, it.visit(left));
  it.file.syntax.bind(it, left, taint, node, true);
  return taint;
}

function keyOf(node: SgNode | undefined): string | undefined {
  const literal = node ? javaLiteral(node) : undefined;
  return typeof literal === 'string' || typeof literal === 'number' ? String(literal) : undefined;
}

/**
 * `map.put("k", v)` / `map.get("k")` with a constant key track that key apart from the others; other
 * calls go through the generic call model (pass-through, sanitizers, local methods).
 */
export function visitJavaCall(it: Interp, node: SgNode): Taint {
  const object = node.field('object') ?? undefined;
  const nameNode = node.field('name');
  const method = nameNode?.text();
  if (!nameNode || !method) return it.visitChildren(node);
  const argNodes = named(node.field('arguments'));
  const receiverPath = object ? javaPathOf(object) : undefined;
  const key = argNodes.length >= 1 ? keyOf(argNodes[0]) : undefined;
  if (receiverPath && key !== undefined && (method === 'put' || method === 'setAttribute') && argNodes.length === 2 && argNodes[1]) {
    const taint = it.visit(argNodes[1]);
    it.state.add(`${receiverPath}.${key}`, withStep(taint, pointOf(node, `stored in ${receiverPath}`)));
    return CLEAN;
  }
  if (receiverPath && key !== undefined && (method === 'get' || method === 'getOrDefault' || method === 'getAttribute')) {
    const fallback = method === 'getOrDefault' && argNodes[1] ? it.visit(argNodes[1]) : CLEAN;
    return union(it.state.read(`${receiverPath}.${key}`), fallback);
  }
  const calleeText = normalizeCallee(object ? `${object.text()}.${method}` : method);
  const taint = visitCall(it, {
    node,
    callee: nameNode,
    calleeText,
    ...(object ? { receiver: object } : {}),
    method,
    args: argNodes.map((a) => ({ node: a })),
  });
  if (method === 'format' && it.file.builtins.prefixSafe(argNodes[0] ? javaLeftmostString(argNodes[0]) ?? '' : '')) return CLEAN;
  return taint;
}

/** `new String(bytes)`, `new File(dir, name)`: the new object carries its arguments' taint. */
export function visitNew(it: Interp, node: SgNode): Taint {
  const type = node.field('type');
  const taint = it.visit(node.field('arguments') ?? node);
  if (type && /^(Integer|Long|Short|Byte|Double|Float|Boolean|BigInteger|BigDecimal)$/.test(type.text())) return CLEAN;
  return taint;
}

export function visitCast(it: Interp, node: SgNode): Taint {
  const value = node.field('value');
  const taint = value ? it.visit(value) : CLEAN;
  return PRIMITIVES.has(String(node.field('type')?.kind())) ? CLEAN : taint;
}

export function visitBinary(it: Interp, node: SgNode): Taint {
  const op = node.field('operator')?.text();
  const left = node.field('left');
  const right = node.field('right');
  if (!left || !right) return it.visitChildren(node);
  if (op === '&&' || op === '||') {
    const value = it.file.syntax.fold(left, it.file.constants);
    it.visit(left);
    if (!((op === '&&' && value === false) || (op === '||' && value === true))) it.visit(right);
    return CLEAN;
  }
  const taint = union(it.visit(left), it.visit(right));
  if (op !== '+') return CLEAN;
  return it.file.builtins.prefixSafe(javaLeftmostString(node) ?? '') ? CLEAN : taint;
}

export function visitTernary(it: Interp, node: SgNode): Taint {
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

export function visitLambda(it: Interp, node: SgNode): Taint {
  const body = node.field('body');
  if (!body) return CLEAN;
  return it.visitInlineFunction({ node, params: javaParams(node), body, exprBody: body.kind() !== 'block' });
}
