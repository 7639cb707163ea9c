import type { SgNode } from '@ast-grep/napi';
import { pyLiteral } from './literals.js';

/** The access path of an expression (`x`, `self.a`, `d.key` for `d["key"]`), if it is one. */
export function pyPathOf(node: SgNode): string | undefined {
  switch (node.kind()) {
    case 'identifier':
      return node.text();
    case 'parenthesized_expression': {
      const inner = node.children().find((c) => c.isNamed());
      return inner ? pyPathOf(inner) : undefined;
    }
    case 'attribute': {
      const object = node.field('object');
      const base = object ? pyPathOf(object) : undefined;
      return base ? `${base}.${node.field('attribute')?.text() ?? ''}` : undefined;
    }
    case 'subscript': {
      const object = node.field('value');
      const index = node.field('subscript');
      const base = object ? pyPathOf(object) : undefined;
      const key = index ? pyLiteral(index) : undefined;
      return base && (typeof key === 'string' || typeof key === 'number') ? `${base}.${key}` : undefined;
    }
    default:
      return undefined;
  }
}
