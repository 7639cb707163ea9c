import { UserError } from '@rampart/core';

export type HclTokenType = 'ident' | 'string' | 'heredoc' | 'number' | 'punct' | 'newline' | 'eof';

export interface HclToken {
  type: HclTokenType;
  /** Decoded value for strings and heredocs (interpolations kept as written); the text otherwise. */
  value: string;
  start: number;
  end: number;
  line: number;
}

const PUNCT3 = ['...'];
const PUNCT2 = ['==', '!=', '<=', '>=', '&&', '||', '=>'];

class Lexer {
  pos = 0;
  line = 1;
  readonly tokens: HclToken[] = [];
  constructor(
    readonly src: string,
    readonly file: string,
  ) {}

  fail(message: string, line: number, expected: string): never {
    throw new UserError(`not valid HCL: ${message}`, { file: this.file, line, expected });
  }

  push(type: HclTokenType, value: string, start: number, line: number): void {
    this.tokens.push({ type, value, start, end: this.pos, line });
  }

  run(): HclToken[] {
    const s = this.src;
    while (this.pos < s.length) {
      const c = s[this.pos] ?? '';
      const start = this.pos;
      if (c === '\n') {
        this.pos++;
        this.push('newline', '\n', start, this.line);
        this.line++;
      } else if (c === ' ' || c === '\t' || c === '\r') this.pos++;
      else if (c === '#' || (c === '/' && s[this.pos + 1] === '/')) this.skipLineComment();
      else if (c === '/' && s[this.pos + 1] === '*') this.skipBlockComment();
      else if (c === '"') this.readString();
      else if (c === '<' && s[this.pos + 1] === '<' && /[-A-Za-z_]/.test(s[this.pos + 2] ?? '')) this.readHeredoc();
      else if (/[0-9]/.test(c)) this.readMatch(/[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y, 'number');
      else if (/[A-Za-z_]/.test(c)) this.readMatch(/[A-Za-z_][A-Za-z0-9_-]*/y, 'ident');
      else this.readPunct();
    }
    this.tokens.push({ type: 'eof', value: '', start: s.length, end: s.length, line: this.line });
    return this.tokens;
  }

  skipLineComment(): void {
    while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos++;
  }

  skipBlockComment(): void {
    const startLine = this.line;
    const end = this.src.indexOf('*/', this.pos + 2);
    if (end < 0) this.fail('unterminated /* comment', startLine, '*/ to close the comment');
    this.countLines(this.pos, end + 2);
    this.pos = end + 2;
  }

  countLines(from: number, to: number): void {
    for (let i = from; i < to; i++) if (this.src[i] === '\n') this.line++;
  }

  readMatch(re: RegExp, type: HclTokenType): void {
    re.lastIndex = this.pos;
    const m = re.exec(this.src);
    const text = m?.[0] ?? this.src[this.pos] ?? '';
    const start = this.pos;
    this.pos += text.length;
    this.push(type, text, start, this.line);
  }

  readPunct(): void {
    const start = this.pos;
    const three = this.src.slice(this.pos, this.pos + 3);
    const two = this.src.slice(this.pos, this.pos + 2);
    const text = PUNCT3.includes(three) ? three : PUNCT2.includes(two) ? two : (this.src[this.pos] ?? '');
    this.pos += text.length;
    this.push('punct', text, start, this.line);
  }

  /** A quoted template: escapes decoded, `${...}` and `%{...}` kept as written (with nested strings). */
  readString(): void {
    const start = this.pos;
    const line = this.line;
    this.pos++;
    let out = '';
    while (this.pos < this.src.length) {
      const c = this.src[this.pos] ?? '';
      if (c === '"') {
        this.pos++;
        this.push('string', out, start, line);
        return;
      }
      if (c === '\n') break;
      if (c === '\\') {
        out += decodeEscape(this.src[this.pos + 1] ?? '');
        this.pos += 2;
      } else if ((c === '$' || c === '%') && this.src[this.pos + 1] === '{' && this.src[this.pos - 1] !== c) {
        const end = this.interpolationEnd(this.pos + 2, line);
        out += this.src.slice(this.pos, end);
        this.pos = end;
      } else {
        out += c;
        this.pos++;
      }
    }
    this.fail('unterminated string', line, 'a closing " on the same line');
  }

  /** Index just after the `}` closing an interpolation opened before `from`, skipping nested strings. */
  interpolationEnd(from: number, line: number): number {
    let depth = 1;
    let i = from;
    while (i < this.src.length) {
      const c = this.src[i];
      if (c === '"') {
        i++;
        while (i < this.src.length && this.src[i] !== '"') i += this.src[i] === '\\' ? 2 : 1;
      } else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) return i + 1;
      else if (c === '\n') this.line++;
      i++;
    }
    this.fail('unterminated ${ interpolation', line, '} to close it');
  }

  readHeredoc(): void {
    const start = this.pos;
    const line = this.line;
    const m = /<<(-?)([A-Za-z_][A-Za-z0-9_]*)[ \t]*\r?\n/y;
    m.lastIndex = this.pos;
    const head = m.exec(this.src);
    if (head === null) this.fail('heredoc marker must end its line', line, '<<EOF then a newline');
    const word = head[2] ?? '';
    this.pos += head[0].length;
    this.line++;
    const body: string[] = [];
    for (;;) {
      if (this.pos >= this.src.length) this.fail(`heredoc ${word} is not closed`, line, `a line with only ${word}`);
      const nl = this.src.indexOf('\n', this.pos);
      const end = nl < 0 ? this.src.length : nl;
      const text = this.src.slice(this.pos, end).replace(/\r$/, '');
      this.pos = end;
      if (text.trim() === word) break;
      body.push(text);
      if (nl >= 0) {
        this.pos++;
        this.line++;
      }
    }
    this.push('heredoc', head[1] === '-' ? dedent(body) : body.join('\n'), start, line);
  }
}

function decodeEscape(c: string): string {
  const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' };
  return map[c] ?? c;
}

function dedent(lines: string[]): string {
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0);
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n');
}

export function lexHcl(src: string, file: string): HclToken[] {
  return new Lexer(src, file).run();
}
