import type { SgNode } from '@ast-grep/napi';
import { jsLiteral } from './literals.js';

/** The access path of an expression (`x`, `this.a`, `o.key`, `a.0`), if it is one. */
export function pathOfNode(node: SgNode): string | undefined {
  switch (node.kind()) {
    case 'identifier':
    case 'shorthand_property_identifier_pattern':
      return node.text();
    case 'this':
      return 'this';
    case 'parenthesized_expression':
    case 'non_null_expression': {
      const inner = node.children().find((c) => c.isNamed());
      return inner ? pathOfNode(inner) : undefined;
    }
    case 'member_expression': {
      const object = node.field('object');
      const base = object ? pathOfNode(object) : undefined;
      return base ? `${base}.${node.field('property')?.text() ?? ''}` : undefined;
    }
    case 'subscript_expression': {
      const object = node.field('object');
      const index = node.field('index');
      const base = object ? pathOfNode(object) : undefined;
      const key = index ? jsLiteral(index) : undefined;
      return base && (typeof key === 'string' || typeof key === 'number') ? `${base}.${key}` : undefined;
    }
    default:
      return undefined;
  }
}

