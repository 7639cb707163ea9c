import type { SgNode } from '@ast-grep/napi';
import { unwrapParens } from '../unwrap.js';
import type { Guard } from '../syntax.js';
import { javaLiteral } from './literals.js';
import { javaPathOf } from './paths.js';

// `ALLOWED.contains(x)`: the value is one of a fixed set.
const MEMBERSHIP = new Set(['contains', 'containsKey']);
// `x.equals("a")`, `"a".equals(x)`: the value is a literal.
const EQUALITY = new Set(['equals', 'equalsIgnoreCase', 'contentEquals']);

/** `x.matches("[a-z0-9]+")`: a whole-string match against a class without wildcards. */
function inertRegex(node: SgNode | undefined): boolean {
  const pattern = node ? javaLiteral(node) : undefined;
  return typeof pattern === 'string' && !pattern.includes('.') && !/\\[SWD]/.test(pattern) && !pattern.includes('[^');
}

function callGuards(n: SgNode, startsWith: boolean): Guard[] {
  const object = n.field('object');
  const method = n.field('name')?.text() ?? '';
  const args = n.field('arguments')?.children().filter((c) => c.isNamed()) ?? [];
  const [first] = args;
  if (!object) return [];
  const objectPath = javaPathOf(object);
  const argPath = first ? javaPathOf(first) : undefined;
  if (MEMBERSHIP.has(method) && argPath && args.length === 1 && objectPath !== argPath) return [{ path: argPath, positive: true }];
  if (EQUALITY.has(method) && first && args.length === 1) {
    if (javaLiteral(unwrapParens(object)) !== undefined && argPath) return [{ path: argPath, positive: true }];
    if (javaLiteral(unwrapParens(first)) !== undefined && objectPath) return [{ path: objectPath, positive: true }];
  }
  if (method === 'matches' && objectPath && inertRegex(first)) return [{ path: objectPath, positive: true }];
  if (startsWith && method === 'startsWith' && objectPath) return [{ path: objectPath, positive: true }];
  return [];
}

/** Checks that prove a value safe in one branch of a condition. */
export function javaGuards(node: SgNode, startsWith: boolean): Guard[] {
  const n = unwrapParens(node);
  switch (n.kind()) {
    case 'unary_expression': {
      const operand = n.field('operand');
      return n.field('operator')?.text() === '!' && operand ? javaGuards(operand, startsWith).map((g) => ({ path: g.path, positive: !g.positive })) : [];
    }
    case 'binary_expression': {
      const left = n.field('left');
      const right = n.field('right');
      if (n.field('operator')?.text() !== '&&' || !left || !right) return [];
      return [...javaGuards(left, startsWith), ...javaGuards(right, startsWith)].filter((g) => g.positive);
    }
    case 'method_invocation':
      return callGuards(n, startsWith);
    default:
      return [];
  }
}
