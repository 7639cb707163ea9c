/**
 * The tokenizer and recursive-descent parser of the GitHub Actions expression language (`${{ … }}`): literals,
 * context access (`a.b`, `a['b']`, `a.*`), calls, `!`, comparisons, `==`/`!=`, `&&`/`||` and parentheses.
 * Anything else is an ExpressionError naming the construct and where it is.
 */

export class ExpressionError extends Error {
  override readonly name = 'ExpressionError';
}

type TokenKind = 'number' | 'string' | 'ident' | 'punct' | 'end';
interface Token {
  kind: TokenKind;
  text: string;
  value?: number | string;
  pos: number;
}

const PUNCT = ['&&', '||', '==', '!=', '<=', '>=', '<', '>', '!', '(', ')', '[', ']', ',', '.', '*'];

function readString(src: string, start: number): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  for (;;) {
    if (i >= src.length) throw new ExpressionError(`unterminated string starting at ${start} in ${JSON.stringify(src)}`);
    const c = src[i];
    if (c === "'") {
      // A doubled quote is an escaped quote, the only escape GitHub's strings have.
      if (src[i + 1] === "'") {
        value += "'";
        i += 2;
        continue;
      }
      return { value, end: i + 1 };
    }
    value += c;
    i++;
  }
}

export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] ?? '';
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "'") {
      const s = readString(src, i);
      tokens.push({ kind: 'string', text: src.slice(i, s.end), value: s.value, pos: i });
      i = s.end;
      continue;
    }
    const num = /^(?:0x[0-9a-fA-F]+|-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/.exec(src.slice(i));
    // A leading '-' is part of a number only where an operand starts (there is no binary minus).
    if (num && (c !== '-' || isOperandStart(tokens[tokens.length - 1]))) {
      const text = num[0];
      tokens.push({ kind: 'number', text, value: Number(text), pos: i });
      i += text.length;
      continue;
    }
    const ident = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(src.slice(i));
    if (ident) {
      tokens.push({ kind: 'ident', text: ident[0], pos: i });
      i += ident[0].length;
      continue;
    }
    const p = PUNCT.find((x) => src.startsWith(x, i));
    if (!p) throw new ExpressionError(`unexpected character ${JSON.stringify(c)} at ${i} in ${JSON.stringify(src)}`);
    tokens.push({ kind: 'punct', text: p, pos: i });
    i += p.length;
  }
  tokens.push({ kind: 'end', text: '', pos: src.length });
  return tokens;
}

function isOperandStart(prev: Token | undefined): boolean {
  return prev === undefined || (prev.kind === 'punct' && prev.text !== ')' && prev.text !== ']');
}

export type Node =
  | { type: 'literal'; value: null | boolean | number | string }
  | { type: 'context'; name: string }
  | { type: 'member'; object: Node; name: string }
  | { type: 'index'; object: Node; index: Node }
  | { type: 'filter'; object: Node }
  | { type: 'call'; name: string; args: Node[] }
  | { type: 'not'; operand: Node }
  | { type: 'binary'; op: string; left: Node; right: Node };

const MAX_DEPTH = 100;

class Parser {
  private i = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[], private readonly src: string) {}

  parse(): Node {
    const node = this.or();
    const t = this.peek();
    if (t.kind !== 'end') throw this.error(`unexpected ${JSON.stringify(t.text)}`, t);
    return node;
  }

  private peek(): Token {
    return this.tokens[this.i] ?? { kind: 'end', text: '', pos: this.src.length };
  }
  private next(): Token {
    const t = this.peek();
    this.i++;
    return t;
  }
  private accept(text: string): boolean {
    const t = this.peek();
    if (t.kind === 'punct' && t.text === text) {
      this.i++;
      return true;
    }
    return false;
  }
  private expect(text: string): void {
    if (!this.accept(text)) throw this.error(`expected ${JSON.stringify(text)}`, this.peek());
  }
  private error(what: string, t: Token): ExpressionError {
    return new ExpressionError(`${what} at ${t.pos} in ${JSON.stringify(this.src)}`);
  }
  private nested<T>(f: () => T): T {
    if (++this.depth > MAX_DEPTH) throw this.error('expression nested too deeply', this.peek());
    try {
      return f();
    } finally {
      this.depth--;
    }
  }

  private binaryLevel(ops: string[], operand: () => Node): Node {
    let left = operand();
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'punct' || !ops.includes(t.text)) return left;
      this.i++;
      left = { type: 'binary', op: t.text, left, right: operand() };
    }
  }
  private or(): Node {
    return this.binaryLevel(['||'], () => this.and());
  }
  private and(): Node {
    return this.binaryLevel(['&&'], () => this.equality());
  }
  private equality(): Node {
    return this.binaryLevel(['==', '!='], () => this.comparison());
  }
  private comparison(): Node {
    return this.binaryLevel(['<', '<=', '>', '>='], () => this.unary());
  }
  private unary(): Node {
    if (this.accept('!')) return this.nested(() => ({ type: 'not', operand: this.unary() }));
    return this.postfix();
  }
  private postfix(): Node {
    let node = this.primary();
    for (;;) {
      if (this.accept('.')) {
        if (this.accept('*')) {
          node = { type: 'filter', object: node };
          continue;
        }
        const t = this.next();
        if (t.kind !== 'ident') throw this.error('expected a property name after "."', t);
        node = { type: 'member', object: node, name: t.text };
      } else if (this.accept('[')) {
        if (this.accept('*')) {
          this.expect(']');
          node = { type: 'filter', object: node };
          continue;
        }
        const index = this.nested(() => this.or());
        this.expect(']');
        node = { type: 'index', object: node, index };
      } else {
        return node;
      }
    }
  }
  private primary(): Node {
    const t = this.next();
    if (t.kind === 'number') return { type: 'literal', value: t.value as number };
    if (t.kind === 'string') return { type: 'literal', value: t.value as string };
    if (t.kind === 'punct' && t.text === '(') {
      const inner = this.nested(() => this.or());
      this.expect(')');
      return inner;
    }
    if (t.kind === 'ident') {
      if (t.text === 'true' || t.text === 'false') return { type: 'literal', value: t.text === 'true' };
      if (t.text === 'null') return { type: 'literal', value: null };
      if (this.accept('(')) {
        const args: Node[] = [];
        if (!this.accept(')')) {
          do args.push(this.nested(() => this.or()));
          while (this.accept(','));
          this.expect(')');
        }
        return { type: 'call', name: t.text.toLowerCase(), args };
      }
      return { type: 'context', name: t.text.toLowerCase() };
    }
    throw this.error(t.kind === 'end' ? 'unexpected end of expression' : `unexpected ${JSON.stringify(t.text)}`, t);
  }
}

export function parseExpression(src: string): Node {
  return new Parser(tokenize(src), src).parse();
}
