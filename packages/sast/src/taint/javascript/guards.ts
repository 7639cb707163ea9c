import type { SgNode } from '@ast-grep/napi';
import { unwrapParens } from '../unwrap.js';
import type { Guard } from '../syntax.js';
import { jsLiteral } from './literals.js';
import { pathOfNode } from './paths.js';

// Receiver methods that, called with the value, check it against a fixed set (`ALLOWED.includes(x)`).
const MEMBERSHIP = new Set(['includes', 'has', 'hasOwnProperty']);
// Validators that accept only digits, identifiers or similar inert text.
const VALIDATORS = new Set([
  'Number.isInteger', 'Number.isSafeInteger', 'Number.isFinite', 'validator.isInt', 'validator.isNumeric',
  'validator.isUUID', 'validator.isAlphanumeric', 'validator.isMongoId', 'validator.isIn', 'isUUID', 'isInt',
]);

function negate(guards: Guard[]): Guard[] {
  return guards.map((g) => ({ path: g.path, positive: !g.positive }));
}

function anchoredRegex(node: SgNode): boolean {
  if (node.kind() !== 'regex') return false;
  const pattern = node.field('pattern')?.text() ?? '';
  return pattern.startsWith('^') && pattern.endsWith('$') && !pattern.includes('.*') && !pattern.includes('.+');
}

function callGuards(node: SgNode, startsWith: boolean): Guard[] {
  const callee = node.field('function');
  const firstArg = node.field('arguments')?.children().find((c) => c.isNamed());
  if (!callee) return [];
  const calleeText = callee.text().replace(/\s+/g, '');
  const argPath = firstArg ? pathOfNode(firstArg) : undefined;
  if (argPath && VALIDATORS.has(calleeText)) return [{ path: argPath, positive: true }];
  if (callee.kind() !== 'member_expression') return [];
  const object = callee.field('object');
  const method = callee.field('property')?.text() ?? '';
  if (!object) return [];
  const objectPath = pathOfNode(object);
  if (argPath && MEMBERSHIP.has(method) && objectPath !== argPath) return [{ path: argPath, positive: true }];
  if (argPath && method === 'test' && anchoredRegex(unwrapParens(object))) return [{ path: argPath, positive: true }];
  if (startsWith && method === 'startsWith' && objectPath) return [{ path: objectPath, positive: true }];
  return [];
}

function equalityGuards(node: SgNode, startsWith: boolean): Guard[] {
  const op = node.field('operator')?.text() ?? '';
  const left = node.field('left');
  const right = node.field('right');
  if (!left || !right) return [];
  if (op === '&&') return [...jsGuards(left, startsWith), ...jsGuards(right, startsWith)].filter((g) => g.positive);
  if (!['===', '==', '!==', '!='].includes(op)) return [];
  const positive = op === '===' || op === '==';
  const [value, other] = jsLiteral(left) !== undefined ? [right, left] : [left, right];
  const path = pathOfNode(value);
  return path && jsLiteral(other) !== undefined ? [{ path, positive }] : [];
}

/** Checks that prove a value safe in one branch of a condition. */
export function jsGuards(node: SgNode, startsWith: boolean): Guard[] {
  const n = unwrapParens(node);
  switch (n.kind()) {
    case 'unary_expression': {
      const arg = n.field('argument');
      return n.field('operator')?.text() === '!' && arg ? negate(jsGuards(arg, startsWith)) : [];
    }
    case 'call_expression':
      return callGuards(n, startsWith);
    case 'binary_expression':
      return equalityGuards(n, startsWith);
    default:
      return [];
  }
}
