import type { SgNode } from '@ast-grep/napi';
import { javaLiteral } from './literals.js';

/** The access path of an expression (`x`, `this.a`, `arr.0` for `arr[0]`), if it is one. */
export function javaPathOf(node: SgNode): string | undefined {
  switch (node.kind()) {
    case 'identifier':
    case 'this':
      return node.text();
    case 'parenthesized_expression': {
      const inner = node.children().find((c) => c.isNamed());
      return inner ? javaPathOf(inner) : undefined;
    }
    case 'field_access': {
      const object = node.field('object');
      const base = object ? javaPathOf(object) : undefined;
      const field = node.field('field')?.text();
      return base && field ? `${base}.${field}` : undefined;
    }
    case 'array_access': {
      const array = node.field('array');
      const index = node.field('index');
      const base = array ? javaPathOf(array) : undefined;
      const key = index ? javaLiteral(index) : undefined;
      return base && typeof key === 'number' ? `${base}.${key}` : undefined;
    }
    default:
      return undefined;
  }
}
