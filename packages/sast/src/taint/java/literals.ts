import type { SgNode } from '@ast-grep/napi';
import type { Literal } from '../syntax.js';

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', "'": "'", '\\': '\\', '0': '\0' };

function stringValue(node: SgNode): string | undefined {
  let out = '';
  for (const child of node.children()) {
    const kind = child.kind();
    if (kind === 'string_fragment') out += child.text();
    else if (kind === 'escape_sequence') {
      const escaped = ESCAPES[child.text().slice(1)];
      if (escaped === undefined) return undefined;
      out += escaped;
    } else if (child.isNamed()) return undefined;
  }
  return out;
}

function integerValue(text: string): number | undefined {
  const t = text.replace(/_/g, '').replace(/[lL]$/, '');
  const n = /^0[xX]/.test(t) ? parseInt(t.slice(2), 16) : /^0[bB]/.test(t) ? parseInt(t.slice(2), 2) : /^0\d/.test(t) ? parseInt(t, 8) : Number(t);
  return Number.isNaN(n) ? undefined : n;
}

/** The value of a Java literal expression, or undefined when it is not one. */
export function javaLiteral(node: SgNode): Literal | undefined {
  switch (node.kind()) {
    case 'true':
      return true;
    case 'false':
      return false;
    case 'null_literal':
      return null;
    case 'decimal_integer_literal':
    case 'hex_integer_literal':
    case 'octal_integer_literal':
    case 'binary_integer_literal':
      return integerValue(node.text());
    case 'string_literal':
      return stringValue(node);
    case 'character_literal': {
      const inner = node.text().slice(1, -1);
      if (inner.length === 1) return inner;
      return inner.startsWith('\\') ? ESCAPES[inner.slice(1)] : undefined;
    }
    default:
      return undefined;
  }
}

/** The constant text a string-building expression starts with (`"https://x/" + a`, `String.format("...", a)`). */
export function javaLeftmostString(node: SgNode): string | undefined {
  switch (node.kind()) {
    case 'string_literal':
      return stringValue(node);
    case 'parenthesized_expression': {
      const inner = node.children().find((c) => c.isNamed());
      return inner ? javaLeftmostString(inner) : undefined;
    }
    case 'binary_expression': {
      const left = node.field('left');
      return node.field('operator')?.text() === '+' && left ? javaLeftmostString(left) : undefined;
    }
    default:
      return undefined;
  }
}
