import type { SgNode } from '@ast-grep/napi';
import type { Literal } from '../syntax.js';

/** The value of a literal expression, or undefined when it is not one. */
export function jsLiteral(node: SgNode): Literal | undefined {
  switch (node.kind()) {
    case 'true':
      return true;
    case 'false':
      return false;
    case 'null':
      return null;
    case 'number': {
      const n = Number(node.text().replace(/_/g, ''));
      return Number.isNaN(n) ? undefined : n;
    }
    case 'string':
      return node.text().slice(1, -1);
    case 'template_string':
      return node.children().some((c) => c.kind() === 'template_substitution') ? undefined : node.text().slice(1, -1);
    default:
      return undefined;
  }
}

/** The constant text a string-building expression starts with: `'https://x/' + a` -> `https://x/`. */
export function leftmostString(node: SgNode): string | undefined {
  switch (node.kind()) {
    case 'string':
      return node.text().slice(1, -1);
    case 'template_string': {
      const first = node.children()[1];
      return first?.kind() === 'string_fragment' ? first.text() : undefined;
    }
    case 'binary_expression': {
      const left = node.field('left');
      return left ? leftmostString(left) : undefined;
    }
    case 'parenthesized_expression': {
      const inner = node.children().find((c) => c.isNamed());
      return inner ? leftmostString(inner) : undefined;
    }
    default:
      return undefined;
  }
}
