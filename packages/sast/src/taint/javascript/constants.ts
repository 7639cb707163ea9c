import type { SgNode } from '@ast-grep/napi';
import { unwrapParens } from '../unwrap.js';
import type { Literal } from '../syntax.js';
import { jsLiteral } from './literals.js';

/** `const DEBUG = false` and the like: names declared once with a literal and never assigned again. */
export function jsConstants(root: SgNode): Map<string, Literal> {
  const candidates = new Map<string, Literal>();
  const disqualified = new Set<string>();
  for (const decl of root.findAll({ rule: { kind: 'variable_declarator' } })) {
    const name = decl.field('name');
    if (name?.kind() !== 'identifier') continue;
    const value = decl.field('value');
    const literal = value ? jsLiteral(value) : undefined;
    const key = name.text();
    if (literal === undefined || candidates.has(key)) disqualified.add(key);
    else candidates.set(key, literal);
  }
  const writes = root.findAll({
    rule: { any: [{ kind: 'assignment_expression' }, { kind: 'augmented_assignment_expression' }, { kind: 'update_expression' }] },
  });
  for (const write of writes) {
    const target = write.field('left') ?? write.field('argument');
    if (target?.kind() === 'identifier') disqualified.add(target.text());
  }
  // A parameter of the same name shadows the constant somewhere in the file.
  for (const param of root.findAll({ rule: { kind: 'identifier', inside: { kind: 'formal_parameters', stopBy: 'end' } } })) {
    disqualified.add(param.text());
  }
  for (const key of disqualified) candidates.delete(key);
  return candidates;
}

function valueOf(node: SgNode, constants: ReadonlyMap<string, Literal>): Literal | undefined {
  const n = unwrapParens(node);
  if (n.kind() === 'identifier') return constants.has(n.text()) ? constants.get(n.text()) : n.text() === 'undefined' ? null : undefined;
  return jsLiteral(n);
}

/** Truthiness of a condition that does not depend on run time, else undefined. */
export function jsFold(node: SgNode, constants: ReadonlyMap<string, Literal>): boolean | undefined {
  const n = unwrapParens(node);
  const kind = n.kind();
  if (kind === 'unary_expression' && n.field('operator')?.text() === '!') {
    const inner = n.field('argument');
    const v = inner ? jsFold(inner, constants) : undefined;
    return v === undefined ? undefined : !v;
  }
  if (kind === 'binary_expression') {
    const op = n.field('operator')?.text();
    const left = n.field('left');
    const right = n.field('right');
    if (!left || !right) return undefined;
    if (op === '&&' || op === '||') {
      const l = jsFold(left, constants);
      const r = jsFold(right, constants);
      if (op === '&&') return l === false || r === false ? false : l === true && r === true ? true : undefined;
      return l === true || r === true ? true : l === false && r === false ? false : undefined;
    }
    if (op === '===' || op === '==' || op === '!==' || op === '!=') {
      const l = valueOf(left, constants);
      const r = valueOf(right, constants);
      if (l === undefined || r === undefined) return undefined;
      return (l === r) === (op === '===' || op === '==');
    }
    return undefined;
  }
  const value = valueOf(n, constants);
  return value === undefined ? undefined : Boolean(value);
}
