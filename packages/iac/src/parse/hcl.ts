import { UserError } from '@rampart/core';
import { lexHcl, type HclToken } from './hcl-lexer.js';
import type { HclAttribute, HclBlock, HclBody, HclExpr } from './hcl-types.js';

const CLOSERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/**
 * The subset of HCL native syntax Terraform files use: blocks with labels, attributes, literals, lists,
 * objects and function calls as structure; references, operators, conditionals and `for` expressions as
 * text. Only what breaks the block structure (an unclosed brace or string) is an error.
 */
class Parser {
  i = 0;
  constructor(
    readonly toks: HclToken[],
    readonly src: string,
    readonly file: string,
  ) {}

  peek(offset = 0): HclToken {
    return this.toks[Math.min(this.i + offset, this.toks.length - 1)] as HclToken;
  }

  next(): HclToken {
    const t = this.peek();
    if (this.i < this.toks.length - 1) this.i++;
    return t;
  }

  fail(t: HclToken, message: string, expected: string): never {
    throw new UserError(`not valid HCL: ${message}`, { file: this.file, line: t.line, expected });
  }

  isPunct(t: HclToken, p: string): boolean {
    return t.type === 'punct' && t.value === p;
  }

  skipNewlines(): void {
    while (this.peek().type === 'newline') this.next();
  }

  body(closing: boolean): HclBody {
    const out: HclBody = { attributes: [], blocks: [] };
    for (;;) {
      this.skipNewlines();
      const t = this.peek();
      if (t.type === 'eof') {
        if (closing) this.fail(t, 'a block is not closed', '} to close the block');
        return out;
      }
      if (this.isPunct(t, '}')) {
        if (!closing) this.fail(t, 'unexpected }', 'an attribute or a block');
        this.next();
        return out;
      }
      if (t.type !== 'ident') this.fail(t, `unexpected ${JSON.stringify(t.value)}`, 'an attribute name or a block type');
      this.next();
      if (this.isPunct(this.peek(), '=') || this.isPunct(this.peek(), ':')) {
        this.next();
        out.attributes.push({ name: t.value, value: this.expr(false), line: t.line });
      } else {
        out.blocks.push(this.block(t));
      }
    }
  }

  block(typeTok: HclToken): HclBlock {
    const labels: string[] = [];
    while (this.peek().type === 'string' || this.peek().type === 'ident') labels.push(this.next().value);
    const open = this.next();
    if (!this.isPunct(open, '{')) this.fail(open, `block ${typeTok.value} has no body`, '{ after the block labels');
    return { type: typeTok.value, labels, body: this.body(true), line: typeTok.line };
  }

  atEnd(inBrackets: boolean): boolean {
    const t = this.peek();
    if (t.type === 'eof') return true;
    if (t.type === 'newline') return !inBrackets;
    return t.type === 'punct' && [',', ')', ']', '}'].includes(t.value);
  }

  /** One expression; anything past a plain literal (operators, conditionals) turns it into raw text. */
  expr(inBrackets: boolean): HclExpr {
    const first = this.peek();
    const node = this.primary(inBrackets);
    if (this.atEnd(inBrackets)) return node;
    this.skipTo(inBrackets);
    return { type: 'raw', text: this.src.slice(first.start, this.toks[this.i - 1]?.end ?? first.end).trim(), line: first.line };
  }

  skipTo(inBrackets: boolean): void {
    while (!this.atEnd(inBrackets)) {
      const t = this.next();
      if (t.type === 'punct' && CLOSERS[t.value] !== undefined) this.balanced(t);
    }
  }

  /** Skips to the bracket closing `open` (already consumed). */
  balanced(open: HclToken): void {
    const close = CLOSERS[open.value] ?? '';
    for (;;) {
      const t = this.next();
      if (t.type === 'eof') this.fail(open, `${open.value} is not closed`, `${close} to close it`);
      if (this.isPunct(t, close)) return;
      if (t.type === 'punct' && CLOSERS[t.value] !== undefined) this.balanced(t);
    }
  }

  raw(from: HclToken): HclExpr {
    return { type: 'raw', text: this.src.slice(from.start, this.toks[this.i - 1]?.end ?? from.end).trim(), line: from.line };
  }

  primary(inBrackets: boolean): HclExpr {
    const t = this.next();
    if (t.type === 'string' || t.type === 'heredoc') return { type: 'string', value: t.value, line: t.line };
    if (t.type === 'number') return { type: 'number', value: Number(t.value), line: t.line };
    if (t.type === 'ident') return this.identExpr(t);
    if (this.isPunct(t, '[')) return this.isFor() ? this.rawBalanced(t) : this.list(t);
    if (this.isPunct(t, '{')) return this.isFor() ? this.rawBalanced(t) : this.object(t);
    if (this.isPunct(t, '(')) return this.rawBalanced(t);
    if (t.type === 'newline' || t.type === 'eof') this.fail(t, 'an attribute has no value', 'an expression after =');
    this.skipTo(inBrackets);
    return this.raw(t);
  }

  isFor(): boolean {
    let k = 0;
    while (this.peek(k).type === 'newline') k++;
    const t = this.peek(k);
    return t.type === 'ident' && t.value === 'for';
  }

  rawBalanced(open: HclToken): HclExpr {
    this.balanced(open);
    this.traversal();
    return this.raw(open);
  }

  /** `.attr`, `[index]`, `.*` after a value. */
  traversal(): void {
    for (;;) {
      const t = this.peek();
      if (this.isPunct(t, '.') && (this.peek(1).type === 'ident' || this.peek(1).type === 'number' || this.isPunct(this.peek(1), '*'))) {
        this.next();
        this.next();
      } else if (this.isPunct(t, '[')) {
        this.balanced(this.next());
      } else return;
    }
  }

  identExpr(t: HclToken): HclExpr {
    if (this.isPunct(this.peek(), '(')) return this.call(t);
    if (t.value === 'true' || t.value === 'false') return { type: 'bool', value: t.value === 'true', line: t.line };
    if (t.value === 'null') return { type: 'null', line: t.line };
    this.traversal();
    return this.raw(t);
  }

  call(name: HclToken): HclExpr {
    this.next();
    const args: HclExpr[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.isPunct(this.peek(), ')')) break;
      args.push(this.expr(true));
      this.skipNewlines();
      if (this.isPunct(this.peek(), ',') || this.isPunct(this.peek(), '...')) this.next();
      else if (!this.isPunct(this.peek(), ')')) this.fail(this.peek(), `unexpected ${JSON.stringify(this.peek().value)} in a call`, ', or )');
    }
    this.next();
    const start = this.i;
    this.traversal();
    return this.i > start ? this.raw(name) : { type: 'call', name: name.value, args, line: name.line };
  }

  list(open: HclToken): HclExpr {
    const items: HclExpr[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.isPunct(this.peek(), ']')) break;
      items.push(this.expr(true));
      this.skipNewlines();
      if (this.isPunct(this.peek(), ',')) this.next();
      else if (!this.isPunct(this.peek(), ']')) this.fail(this.peek(), `unexpected ${JSON.stringify(this.peek().value)} in a list`, ', or ]');
    }
    this.next();
    const start = this.i;
    this.traversal();
    return this.i > start ? this.raw(open) : { type: 'list', items, line: open.line };
  }

  object(open: HclToken): HclExpr {
    const attrs: HclAttribute[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.isPunct(this.peek(), '}')) break;
      const key = this.objectKey();
      const sep = this.next();
      if (!this.isPunct(sep, '=') && !this.isPunct(sep, ':')) this.fail(sep, `object key ${key.name} has no value`, '= or : after the key');
      // Inside an object a newline ends a value, as it does in a body.
      attrs.push({ name: key.name, value: this.expr(false), line: key.line });
      if (this.isPunct(this.peek(), ',')) this.next();
    }
    this.next();
    const start = this.i;
    this.traversal();
    return this.i > start ? this.raw(open) : { type: 'object', attrs, line: open.line };
  }

  objectKey(): { name: string; line: number } {
    const t = this.next();
    if (t.type === 'ident' || t.type === 'string' || t.type === 'number') {
      // A dotted key (`a.b = 1` in a for or a reference key) is kept as its text.
      const start = this.i - 1;
      this.traversal();
      return { name: this.i - 1 > start ? this.src.slice(t.start, this.toks[this.i - 1]?.end).trim() : t.value, line: t.line };
    }
    if (this.isPunct(t, '(')) {
      this.balanced(t);
      return { name: this.src.slice(t.start, this.toks[this.i - 1]?.end).trim(), line: t.line };
    }
    this.fail(t, `unexpected ${JSON.stringify(t.value)} as an object key`, 'a name or a quoted string');
  }
}

export function parseHcl(text: string, file: string): HclBody {
  const parser = new Parser(lexHcl(text, file), text, file);
  return parser.body(false);
}
