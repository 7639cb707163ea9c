import type { SgNode } from '@ast-grep/napi';

/** `((x))` is `x`: every grammar here wraps parentheses in a `parenthesized_expression` node. */
export function unwrapParens(node: SgNode): SgNode {
  let current = node;
  while (current.kind() === 'parenthesized_expression') {
    const inner = current.children().find((c) => c.isNamed());
    if (!inner) break;
    current = inner;
  }
  return current;
}
