import type { SgNode } from '@ast-grep/napi';
import type { Interp } from '../interp.js';
import type { Param } from '../syntax.js';
import { CLEAN, sourceTrace, union, type Taint } from '../trace.js';
import { jsLiteral } from './literals.js';

const FUNCTION_KINDS = new Set(['arrow_function', 'function_expression', 'function', 'generator_function']);
// Properties whose value is a number or boolean whatever the object holds.
const CLEAN_PROPERTIES = new Set(['length', 'size', 'byteLength']);

export function isFunctionValue(node: SgNode | null): boolean {
  return node !== null && FUNCTION_KINDS.has(String(node.kind()));
}

export function jsParams(fn: SgNode): Param[] {
  const params = fn.field('parameters');
  // `x => x` has a bare identifier where a parameter list would be.
  if (!params) {
    const single = fn.field('parameter');
    return single ? [{ pattern: single, name: single.text(), rest: false }] : [];
  }
  const out: Param[] = [];
  for (const p of params.children()) {
    if (!p.isNamed()) continue;
    let pattern: SgNode = p.field('pattern') ?? p;
    if (pattern.kind() === 'assignment_pattern') pattern = pattern.field('left') ?? pattern;
    const rest = pattern.kind() === 'rest_pattern';
    if (rest) pattern = pattern.children().find((c) => c.isNamed()) ?? pattern;
    out.push({ pattern, name: pattern.text(), rest });
  }
  return out;
}

export function visitFunctionExpression(it: Interp, node: SgNode): Taint {
  const body = node.field('body');
  if (!body) return CLEAN;
  return it.visitInlineFunction({ node, params: jsParams(node), body, exprBody: body.kind() !== 'statement_block' });
}

/**
 * `o = { a: src, b: 'x' }` taints `o.a` only, so that `o.b` stays clean; spread and computed keys
 * taint the whole object. Returns undefined when the value is not an object literal.
 */
function bindObjectLiteral(it: Interp, target: SgNode, value: SgNode, step: SgNode): Taint | undefined {
  const path = it.file.syntax.pathOf(target);
  if (value.kind() !== 'object' || !path || target.kind() !== 'identifier') return undefined;
  const entries: [string | undefined, Taint][] = [];
  for (const entry of value.children()) {
    if (!entry.isNamed()) continue;
    const kind = entry.kind();
    const key = entry.field('key');
    const keyText = key && (key.kind() === 'property_identifier' || key.kind() === 'string') ? key.text().replace(/^['"]|['"]$/g, '') : undefined;
    if (kind === 'pair') entries.push([keyText, union(it.visit(entry.field('value') ?? entry), keyText ? CLEAN : it.visit(key ?? entry))]);
    else if (kind === 'shorthand_property_identifier') entries.push([entry.text(), it.state.read(entry.text())]);
    else entries.push([undefined, it.visit(entry)]);
  }
  it.state.write(path, CLEAN);
  for (const [key, taint] of entries) it.file.syntax.bind(it, target, taint, step, true, key);
  return union(...entries.map(([, t]) => t));
}

export function bindDeclarator(it: Interp, node: SgNode): Taint {
  const name = node.field('name');
  const value = node.field('value');
  if (!name || !value) return CLEAN;
  if (isFunctionValue(value) && name.kind() === 'identifier') {
    it.file.closures.set(node.id(), it.state);
    return CLEAN;
  }
  const literal = bindObjectLiteral(it, name, value, node);
  if (literal) return literal;
  const taint = it.visit(value);
  it.file.syntax.bind(it, name, taint, node);
  return taint;
}

export function assignTarget(it: Interp, node: SgNode, augmented: boolean): Taint {
  const left = node.field('left');
  const right = node.field('right');
  if (!left || !right) return it.visitChildren(node);
  const literal = augmented ? undefined : bindObjectLiteral(it, left, right, node);
  if (literal) return literal;
  let taint = it.visit(right);
  if (augmented) taint = union(taint, it.visit(left));
  it.file.syntax.bind(it, left, taint, node, augmented);
  return taint;
}

/** Sources inside a member chain (`req.query` in `req.query.id`) that a path read would skip. */
function chainSources(it: Interp, node: SgNode): Taint {
  const found: Taint[] = [];
  let current: SgNode | null = node;
  while (current && (current.kind() === 'member_expression' || current.kind() === 'subscript_expression')) {
    current = current.field('object');
    if (current && it.file.sites.sources.has(current.id())) found.push([sourceTrace(current)]);
  }
  return union(...found);
}

export function visitMember(it: Interp, node: SgNode): Taint {
  const object = node.field('object');
  const property = node.field('property')?.text() ?? '';
  if (!object) return CLEAN;
  const path = it.file.syntax.pathOf(node);
  const taint = path ? union(it.state.read(path), chainSources(it, node)) : it.visit(object);
  return CLEAN_PROPERTIES.has(property) ? CLEAN : taint;
}

export function visitSubscript(it: Interp, node: SgNode): Taint {
  const object = node.field('object');
  const index = node.field('index');
  if (!object) return CLEAN;
  const path = it.file.syntax.pathOf(node);
  if (path) return union(it.state.read(path), chainSources(it, node));
  if (index && jsLiteral(index) === undefined) it.visit(index);
  return it.visit(object);
}
