import type { SgNode } from '@ast-grep/napi';
import { unwrapParens } from '../unwrap.js';
import type { Literal } from '../syntax.js';
import { pyLiteral } from './literals.js';

/** `DEBUG = False` and the like: names assigned once, to a literal, and never rebound. */
export function pyConstants(root: SgNode): Map<string, Literal> {
  const candidates = new Map<string, Literal>();
  const disqualified = new Set<string>();
  for (const assign of root.findAll({ rule: { kind: 'assignment' } })) {
    const left = assign.field('left');
    const right = assign.field('right');
    if (left?.kind() !== 'identifier') continue;
    const literal = right ? pyLiteral(right) : undefined;
    const key = left.text();
    if (literal === undefined || candidates.has(key)) disqualified.add(key);
    else candidates.set(key, literal);
  }
  const rebinds = root.findAll({
    rule: {
      kind: 'identifier',
      any: [
        { inside: { kind: 'augmented_assignment', field: 'left' } },
        { inside: { kind: 'parameters', stopBy: 'end' } },
        { inside: { kind: 'for_statement', field: 'left', stopBy: 'end' } },
        { inside: { kind: 'global_statement' } },
        { inside: { kind: 'as_pattern_target' } },
        { inside: { kind: 'pattern_list', stopBy: 'end' } },
      ],
    },
  });
  for (const name of rebinds) disqualified.add(name.text());
  for (const key of disqualified) candidates.delete(key);
  return candidates;
}

function valueOf(node: SgNode, constants: ReadonlyMap<string, Literal>): Literal | undefined {
  const n = unwrapParens(node);
  if (n.kind() === 'identifier') return constants.get(n.text());
  return pyLiteral(n);
}

function foldComparison(n: SgNode, constants: ReadonlyMap<string, Literal>): boolean | undefined {
  const operands = n.children().filter((c) => c.isNamed());
  const ops = n.children().filter((c) => !c.isNamed()).map((c) => c.text());
  const [left, right] = operands;
  const op = ops[0];
  if (operands.length !== 2 || !left || !right || !op) return undefined;
  const l = valueOf(left, constants);
  const r = valueOf(right, constants);
  if (l === undefined || r === undefined) return undefined;
  if (op === '==' || op === 'is') return l === r;
  if (op === '!=' || op === 'is not') return l !== r;
  return undefined;
}

/** Truthiness of a condition that does not depend on run time, else undefined. */
export function pyFold(node: SgNode, constants: ReadonlyMap<string, Literal>): boolean | undefined {
  const n = unwrapParens(node);
  switch (n.kind()) {
    case 'not_operator': {
      const arg = n.field('argument');
      const v = arg ? pyFold(arg, constants) : undefined;
      return v === undefined ? undefined : !v;
    }
    case 'boolean_operator': {
      const left = n.field('left');
      const right = n.field('right');
      const l = left ? pyFold(left, constants) : undefined;
      const r = right ? pyFold(right, constants) : undefined;
      if (n.field('operator')?.text() === 'and') return l === false || r === false ? false : l && r ? true : undefined;
      return l === true || r === true ? true : l === false && r === false ? false : undefined;
    }
    case 'comparison_operator':
      return foldComparison(n, constants);
    default: {
      const value = valueOf(n, constants);
      return value === undefined ? undefined : Boolean(value);
    }
  }
}
