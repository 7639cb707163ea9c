/**
 * Evaluating GitHub Actions expressions (`${{ … }}`), as far as the example workflows use them, with the runner's
 * loose comparison and truthiness rules, interpolation into strings and `if:` conditions. Anything outside the
 * subset is an ExpressionError naming the construct, so a workflow never silently means something else in the
 * harness than on GitHub.
 */
import { ExpressionError, parseExpression, type Node } from './workflow-expression-parser.js';

export { ExpressionError, parseExpression, tokenize, type Node } from './workflow-expression-parser.js';

/** What status functions answer: the job (or workflow) state at the point the expression is evaluated. */
export interface JobStatus {
  failed: boolean;
  cancelled: boolean;
}

export interface EvalContext {
  /** Named contexts (`github`, `env`, `steps`…); names are case-insensitive like on GitHub. */
  contexts: Readonly<Record<string, unknown>>;
  status?: JobStatus;
}

type Value = unknown;

function lookup(object: Value, key: string): Value {
  if (Array.isArray(object)) {
    const n = Number(key);
    return Number.isInteger(n) ? object[n] ?? null : null;
  }
  if (object === null || typeof object !== 'object') return null;
  const record = object as Record<string, unknown>;
  if (Object.prototype.hasOwnProperty.call(record, key)) return record[key] ?? null;
  // Property names are case-insensitive in expressions.
  const found = Object.keys(record).find((k) => k.toLowerCase() === key.toLowerCase());
  return found === undefined ? null : (record[found] ?? null);
}

export function truthy(v: Value): boolean {
  if (v === null || v === undefined || v === false || v === '') return false;
  if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
  return true;
}

function toNumber(v: Value): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const s = v.trim();
    if (s === '') return 0;
    const n = /^0x[0-9a-f]+$/i.test(s) ? parseInt(s, 16) : Number(s);
    return Number.isNaN(n) ? NaN : n;
  }
  return NaN;
}

/** Converts a value the way interpolation into a string does. */
export function stringify(v: Value): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean' || typeof v === 'number') return String(v);
  return JSON.stringify(v, null, 2);
}

function looseEquals(a: Value, b: Value): boolean {
  const na = a ?? null;
  const nb = b ?? null;
  if (typeof na === 'string' && typeof nb === 'string') return na.toLowerCase() === nb.toLowerCase();
  if (typeof na === typeof nb && (na === null || typeof na !== 'object')) return na === nb;
  if ((na !== null && typeof na === 'object') || (nb !== null && typeof nb === 'object')) return na === nb;
  return toNumber(na) === toNumber(nb);
}

function compare(op: string, a: Value, b: Value): boolean {
  let x: number | string;
  let y: number | string;
  if (typeof a === 'string' && typeof b === 'string') {
    x = a.toLowerCase();
    y = b.toLowerCase();
  } else {
    x = toNumber(a);
    y = toNumber(b);
  }
  switch (op) {
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    default:
      return x >= y;
  }
}

function format(args: Value[]): string {
  const [template, ...rest] = args;
  const t = stringify(template);
  let out = '';
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (c === '{' && t[i + 1] === '{') {
      out += '{';
      i++;
    } else if (c === '}' && t[i + 1] === '}') {
      out += '}';
      i++;
    } else if (c === '{') {
      const m = /^\{(\d+)\}/.exec(t.slice(i));
      if (!m?.[1]) throw new ExpressionError(`format: bad placeholder in ${JSON.stringify(t)}`);
      const n = Number(m[1]);
      if (n >= rest.length) throw new ExpressionError(`format: {${n}} has no argument in ${JSON.stringify(t)}`);
      out += stringify(rest[n]);
      i += m[0].length - 1;
    } else if (c === '}') {
      throw new ExpressionError(`format: unmatched "}" in ${JSON.stringify(t)}`);
    } else {
      out += c;
    }
  }
  return out;
}

const ARITY: Record<string, [number, number]> = {
  success: [0, 0],
  failure: [0, 0],
  always: [0, 0],
  cancelled: [0, 0],
  contains: [2, 2],
  startswith: [2, 2],
  endswith: [2, 2],
  format: [1, Infinity],
  join: [1, 2],
  tojson: [1, 1],
  fromjson: [1, 1],
};

export const STATUS_FUNCTIONS = new Set(['success', 'failure', 'always', 'cancelled']);

function call(name: string, args: Value[], ctx: EvalContext): Value {
  const arity = ARITY[name];
  if (!arity) throw new ExpressionError(`unsupported function ${name}()`);
  if (args.length < arity[0] || args.length > arity[1]) throw new ExpressionError(`${name}() takes ${arity[0]}${arity[1] === arity[0] ? '' : '+'} arguments, got ${args.length}`);
  const status = ctx.status ?? { failed: false, cancelled: false };
  const [a, b] = args;
  switch (name) {
    case 'success':
      return !status.failed && !status.cancelled;
    case 'failure':
      return status.failed;
    case 'always':
      return true;
    case 'cancelled':
      return status.cancelled;
    case 'contains':
      if (Array.isArray(a)) return a.some((x) => looseEquals(x, b));
      return stringify(a).toLowerCase().includes(stringify(b).toLowerCase());
    case 'startswith':
      return stringify(a).toLowerCase().startsWith(stringify(b).toLowerCase());
    case 'endswith':
      return stringify(a).toLowerCase().endsWith(stringify(b).toLowerCase());
    case 'format':
      return format(args);
    case 'join':
      return Array.isArray(a) ? a.map(stringify).join(args.length > 1 ? stringify(b) : ',') : stringify(a);
    case 'tojson':
      return JSON.stringify(a ?? null, null, 2);
    default: {
      try {
        return JSON.parse(stringify(a)) as Value;
      } catch {
        throw new ExpressionError(`fromJSON: not JSON: ${JSON.stringify(stringify(a).slice(0, 80))}`);
      }
    }
  }
}

// Arrays made by `.*`: a property access after one applies to every element, as on GitHub.
const FILTERED = new WeakSet<object>();

function elements(o: Value): unknown[] {
  if (Array.isArray(o)) return o;
  return o !== null && typeof o === 'object' ? Object.values(o) : [];
}

function access(object: Value, key: string): Value {
  if (!FILTERED.has(object as object)) return lookup(object, key);
  const mapped = (object as unknown[]).map((x) => lookup(x, key)).filter((x) => x !== null);
  FILTERED.add(mapped);
  return mapped;
}

export function evaluate(node: Node, ctx: EvalContext): Value {
  switch (node.type) {
    case 'literal':
      return node.value;
    case 'context': {
      if (!Object.prototype.hasOwnProperty.call(ctx.contexts, node.name)) throw new ExpressionError(`unknown context ${node.name}`);
      return ctx.contexts[node.name] ?? null;
    }
    case 'member':
      return access(evaluate(node.object, ctx), node.name);
    case 'index': {
      const key = evaluate(node.index, ctx);
      return access(evaluate(node.object, ctx), typeof key === 'number' ? String(key) : stringify(key));
    }
    case 'filter': {
      const o = evaluate(node.object, ctx);
      const items = FILTERED.has(o as object) ? (o as unknown[]).flatMap((x) => elements(x)) : elements(o);
      FILTERED.add(items);
      return items;
    }
    case 'call':
      return call(node.name, node.args.map((a) => evaluate(a, ctx)), ctx);
    case 'not':
      return !truthy(evaluate(node.operand, ctx));
    case 'binary': {
      if (node.op === '&&') {
        const l = evaluate(node.left, ctx);
        return truthy(l) ? evaluate(node.right, ctx) : l;
      }
      if (node.op === '||') {
        const l = evaluate(node.left, ctx);
        return truthy(l) ? l : evaluate(node.right, ctx);
      }
      const l = evaluate(node.left, ctx);
      const r = evaluate(node.right, ctx);
      if (node.op === '==') return looseEquals(l, r);
      if (node.op === '!=') return !looseEquals(l, r);
      return compare(node.op, l, r);
    }
  }
}

export function usesStatusFunction(node: Node): boolean {
  switch (node.type) {
    case 'call':
      return STATUS_FUNCTIONS.has(node.name) || node.args.some(usesStatusFunction);
    case 'member':
    case 'filter':
      return usesStatusFunction(node.object);
    case 'index':
      return usesStatusFunction(node.object) || usesStatusFunction(node.index);
    case 'not':
      return usesStatusFunction(node.operand);
    case 'binary':
      return usesStatusFunction(node.left) || usesStatusFunction(node.right);
    default:
      return false;
  }
}

/** Where the `}}` closing an expression that starts at `from` is, skipping `}}` inside string literals. */
function closingBraces(text: string, from: number): number {
  let inString = false;
  for (let i = from; i < text.length; i++) {
    if (text[i] === "'") inString = !inString;
    else if (!inString && text.startsWith('}}', i)) return i;
  }
  throw new ExpressionError(`unterminated \${{ in ${JSON.stringify(text)}`);
}

/** Replaces every `${{ expr }}` of a string with its value; a string that is exactly one expression keeps its type. */
export function interpolate(text: string, ctx: EvalContext): Value {
  const trimmed = text.trim();
  if (trimmed.startsWith('${{')) {
    const end = closingBraces(trimmed, 3);
    if (end + 2 === trimmed.length) return evaluate(parseExpression(trimmed.slice(3, end)), ctx);
  }
  let out = '';
  let i = 0;
  for (;;) {
    const start = text.indexOf('${{', i);
    if (start < 0) return out + text.slice(i);
    const end = closingBraces(text, start + 3);
    out += text.slice(i, start) + stringify(evaluate(parseExpression(text.slice(start + 3, end)), ctx));
    i = end + 2;
  }
}

export function interpolateString(text: string, ctx: EvalContext): string {
  return stringify(interpolate(text, ctx));
}

/**
 * An `if:` condition: the `${{ }}` wrapper is optional, and a condition that calls no status function means
 * `success() && (condition)`, as on GitHub.
 */
export function evaluateCondition(condition: string | boolean | number | undefined, ctx: EvalContext, fallback = 'success()'): boolean {
  if (condition === undefined) return truthy(evaluate(parseExpression(fallback), ctx));
  if (typeof condition !== 'string') return truthy(condition);
  let src = condition.trim();
  if (src.startsWith('${{')) {
    const end = closingBraces(src, 3);
    if (end + 2 !== src.length) return truthy(interpolateString(src, ctx));
    src = src.slice(3, end);
  }
  const node = parseExpression(src);
  if (usesStatusFunction(node)) return truthy(evaluate(node, ctx));
  return truthy(evaluate(parseExpression(fallback), ctx)) && truthy(evaluate(node, ctx));
}
