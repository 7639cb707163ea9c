import type { SgNode } from '@ast-grep/napi';
import { unwrapParens } from '../unwrap.js';
import type { Literal } from '../syntax.js';
import { javaLiteral } from './literals.js';

function arithmetic(op: string, l: number, r: number): Literal | undefined {
  switch (op) {
    case '+': return l + r;
    case '-': return l - r;
    case '*': return l * r;
    case '/': return r === 0 ? undefined : Math.trunc(l / r);
    case '%': return r === 0 ? undefined : l % r;
    case '<': return l < r;
    case '>': return l > r;
    case '<=': return l <= r;
    case '>=': return l >= r;
    default: return undefined;
  }
}

function binary(n: SgNode, constants: ReadonlyMap<string, Literal>): Literal | undefined {
  const op = n.field('operator')?.text() ?? '';
  const left = n.field('left');
  const right = n.field('right');
  if (!left || !right) return undefined;
  const l = javaValue(left, constants);
  if (op === '&&' && l === false) return false;
  if (op === '||' && l === true) return true;
  const r = javaValue(right, constants);
  if (op === '&&') return r === false ? false : l === true && r === true ? true : undefined;
  if (op === '||') return r === true ? true : l === false && r === false ? false : undefined;
  if (l === undefined || r === undefined) return undefined;
  if (op === '==') return typeof l === 'string' || typeof r === 'string' ? undefined : l === r;
  if (op === '!=') return typeof l === 'string' || typeof r === 'string' ? undefined : l !== r;
  if (op === '+' && (typeof l === 'string' || typeof r === 'string')) return `${String(l)}${String(r)}`;
  if (typeof l === 'number' && typeof r === 'number') return arithmetic(op, l, r);
  return undefined;
}

/**
 * The compile-time value of an expression: literals, constant names, integer arithmetic and
 * comparisons, `!`, `&&`, `||`, `?:` and string concatenation of constants; else undefined.
 */
export function javaValue(node: SgNode, constants: ReadonlyMap<string, Literal>): Literal | undefined {
  const n = unwrapParens(node);
  switch (n.kind()) {
    case 'identifier':
      return localConstant(n, constants) ?? constants.get(n.text());
    case 'unary_expression': {
      const operand = n.field('operand');
      const v = operand ? javaValue(operand, constants) : undefined;
      const op = n.field('operator')?.text();
      if (op === '!' && typeof v === 'boolean') return !v;
      if (op === '-' && typeof v === 'number') return -v;
      if (op === '+' && typeof v === 'number') return v;
      return undefined;
    }
    case 'binary_expression':
      return binary(n, constants);
    case 'ternary_expression': {
      const condition = n.field('condition');
      const c = condition ? javaValue(condition, constants) : undefined;
      const arm = c === true ? n.field('consequence') : c === false ? n.field('alternative') : null;
      return arm ? javaValue(arm, constants) : undefined;
    }
    default:
      return javaLiteral(n);
  }
}

const METHOD_KINDS = new Set(['method_declaration', 'constructor_declaration', 'lambda_expression', 'static_initializer']);
const DEPTH_LIMIT = 8;
let depth = 0;

/**
 * A local declared once in the enclosing method with a constant initializer and never assigned:
 * `int num = 86;` in one method and `int num = 106;` in another each fold in their own method.
 */
function localConstant(id: SgNode, constants: ReadonlyMap<string, Literal>): Literal | undefined {
  const name = id.text();
  const method = id.ancestors().find((a) => METHOD_KINDS.has(String(a.kind())));
  if (!method || depth > DEPTH_LIMIT) return undefined;
  const declarators = method.findAll({ rule: { kind: 'variable_declarator', has: { field: 'name', regex: `^${name.replace(/\$/g, "\\$")}$` } } });
  const [decl] = declarators;
  if (declarators.length !== 1 || !decl) return undefined;
  const value = decl.field('value');
  if (!value || decl.field('dimensions')) return undefined;
  const written = method.find({
    rule: {
      kind: 'identifier',
      regex: `^${name.replace(/\$/g, "\\$")}$`,
      any: [{ inside: { kind: 'assignment_expression', field: 'left' } }, { inside: { kind: 'update_expression' } }],
    },
  });
  if (written) return undefined;
  depth += 1;
  try {
    return javaValue(value, constants);
  } finally {
    depth -= 1;
  }
}

/** Truthiness of a condition that does not depend on run time, else undefined. */
export function javaFold(node: SgNode, constants: ReadonlyMap<string, Literal>): boolean | undefined {
  const value = javaValue(node, constants);
  return typeof value === 'boolean' ? value : undefined;
}

/**
 * Fields declared once with a constant initializer and never assigned again (`static final boolean
 * DEBUG = false;`); locals are folded within their own method (localConstant).
 */
export function javaConstants(root: SgNode): Map<string, Literal> {
  const candidates = new Map<string, Literal>();
  const disqualified = new Set<string>();
  for (const decl of root.findAll({ rule: { kind: 'variable_declarator', inside: { kind: 'field_declaration' } } })) {
    const name = decl.field('name')?.text();
    const value = decl.field('value');
    if (!name) continue;
    const literal = value ? javaValue(value, candidates) : undefined;
    if (literal === undefined || candidates.has(name) || decl.field('dimensions')) disqualified.add(name);
    else candidates.set(name, literal);
  }
  for (const assign of root.findAll({ rule: { kind: 'assignment_expression' } })) {
    const left = assign.field('left');
    const name = left?.kind() === 'field_access' ? left.field('field')?.text() : left?.text();
    if (name) disqualified.add(name);
  }
  for (const update of root.findAll({ rule: { kind: 'update_expression' } })) {
    for (const id of update.children()) if (id.kind() === 'identifier') disqualified.add(id.text());
  }
  for (const param of root.findAll({ rule: { any: [{ kind: 'formal_parameter' }, { kind: 'catch_formal_parameter' }, { kind: 'enhanced_for_statement' }, { kind: 'lambda_expression' }] } })) {
    const name = param.field('name') ?? param.field('parameters');
    if (name) for (const id of [name, ...name.findAll({ rule: { kind: 'identifier' } })]) if (id.kind() === 'identifier') disqualified.add(id.text());
  }
  for (const key of disqualified) candidates.delete(key);
  return candidates;
}
