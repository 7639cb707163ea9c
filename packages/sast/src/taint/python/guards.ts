import type { SgNode } from '@ast-grep/napi';
import { unwrapParens } from '../unwrap.js';
import type { Guard } from '../syntax.js';
import { pyLiteral } from './literals.js';
import { pyPathOf } from './paths.js';

// str methods that accept only inert text.
const CHARACTER_CHECKS = new Set(['isdigit', 'isnumeric', 'isdecimal', 'isalnum', 'isalpha', 'isidentifier']);

function comparisonGuards(n: SgNode): Guard[] {
  const operands = n.children().filter((c) => c.isNamed());
  const op = n.children().find((c) => !c.isNamed())?.text();
  const [left, right] = operands;
  if (operands.length !== 2 || !left || !right || !op) return [];
  const path = pyPathOf(left);
  if (op === 'in' || op === 'not in') {
    return path && pyPathOf(right) !== path ? [{ path, positive: op === 'in' }] : [];
  }
  if (op === '==' || op === '!=') {
    const [value, other] = pyLiteral(left) !== undefined ? [right, left] : [left, right];
    const valuePath = pyPathOf(value);
    return valuePath && pyLiteral(other) !== undefined ? [{ path: valuePath, positive: op === '==' }] : [];
  }
  return [];
}

function callGuards(n: SgNode, startsWith: boolean): Guard[] {
  const callee = n.field('function');
  const args = n.field('arguments')?.children().filter((c) => c.isNamed()) ?? [];
  if (!callee) return [];
  if (callee.text() === 're.fullmatch' && args[1]) {
    const path = pyPathOf(args[1]);
    return path ? [{ path, positive: true }] : [];
  }
  if (callee.kind() !== 'attribute') return [];
  const object = callee.field('object');
  const method = callee.field('attribute')?.text() ?? '';
  const path = object ? pyPathOf(object) : undefined;
  if (path && (CHARACTER_CHECKS.has(method) || (startsWith && method === 'startswith'))) return [{ path, positive: true }];
  return [];
}

/** Checks that prove a value safe in one branch of a condition. */
export function pyGuards(node: SgNode, startsWith: boolean): Guard[] {
  const n = unwrapParens(node);
  switch (n.kind()) {
    case 'not_operator': {
      const arg = n.field('argument');
      return arg ? pyGuards(arg, startsWith).map((g) => ({ path: g.path, positive: !g.positive })) : [];
    }
    case 'boolean_operator': {
      if (n.field('operator')?.text() !== 'and') return [];
      const sides = [n.field('left'), n.field('right')].filter((s): s is SgNode => s !== null);
      return sides.flatMap((s) => pyGuards(s, startsWith)).filter((g) => g.positive);
    }
    case 'comparison_operator':
      return comparisonGuards(n);
    case 'call':
      return callGuards(n, startsWith);
    default:
      return [];
  }
}
