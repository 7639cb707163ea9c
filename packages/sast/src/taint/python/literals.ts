import type { SgNode } from '@ast-grep/napi';
import type { Literal } from '../syntax.js';

function stringValue(node: SgNode): string | undefined {
  let out = '';
  for (const child of node.children()) {
    const kind = child.kind();
    if (kind === 'interpolation') return undefined;
    if (kind === 'string_content' || kind === 'escape_sequence') out += child.text();
  }
  return out;
}

/** The value of a literal expression, or undefined when it is not one. */
export function pyLiteral(node: SgNode): Literal | undefined {
  switch (node.kind()) {
    case 'true':
      return true;
    case 'false':
      return false;
    case 'none':
      return null;
    case 'integer':
    case 'float': {
      const n = Number(node.text().replace(/_/g, ''));
      return Number.isNaN(n) ? undefined : n;
    }
    case 'string':
      return stringValue(node);
    default:
      return undefined;
  }
}

/** The constant text a string-building expression starts with (`"https://x/%s" % a`, f-strings, `+`, `.format`). */
export function pyLeftmostString(node: SgNode): string | undefined {
  switch (node.kind()) {
    case 'string': {
      const first = node.children()[1];
      return first?.kind() === 'string_content' ? first.text() : undefined;
    }
    case 'concatenated_string':
    case 'parenthesized_expression': {
      const inner = node.children().find((c) => c.isNamed());
      return inner ? pyLeftmostString(inner) : undefined;
    }
    case 'binary_operator': {
      const left = node.field('left');
      return left ? pyLeftmostString(left) : undefined;
    }
    case 'call': {
      const callee = node.field('function');
      const object = callee?.kind() === 'attribute' ? callee.field('object') : null;
      return object && callee?.field('attribute')?.text() === 'format' ? pyLeftmostString(object) : undefined;
    }
    default:
      return undefined;
  }
}
