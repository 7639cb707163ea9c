import type { SgNode } from '@ast-grep/napi';
import type { FunctionInfo, Literal, Syntax } from './syntax.js';

/** What a file offers every taint rule alike: its constants and named functions. */
export interface FileFacts {
  constants: ReadonlyMap<string, Literal>;
  functions: ReadonlyMap<string, FunctionInfo[]>;
  allFunctions: readonly FunctionInfo[];
  /** Named children per node id, shared by every rule's walk over the file (napi calls dominate the cost). */
  namedKids: Map<number, SgNode[]>;
}

// Keyed by the root node object the engine passes for every rule of one file.
const cache = new WeakMap<SgNode, Map<Syntax, FileFacts>>();

function collect(root: SgNode, syntax: Syntax): FileFacts {
  const allFunctions: FunctionInfo[] = [];
  const functions = new Map<string, FunctionInfo[]>();
  if (syntax.functionKinds.length > 0) {
    const nodes = root.findAll({ rule: { any: syntax.functionKinds.map((kind) => ({ kind })) } });
    for (const node of nodes) {
      const fn = syntax.functionAt(node);
      if (!fn) continue;
      allFunctions.push(fn);
      const list = functions.get(fn.name);
      if (list) list.push(fn);
      else functions.set(fn.name, [fn]);
    }
  }
  return { constants: syntax.constants(root), functions, allFunctions, namedKids: new Map() };
}

export function factsOf(root: SgNode, syntax: Syntax): FileFacts {
  let bySyntax = cache.get(root);
  if (!bySyntax) {
    bySyntax = new Map();
    cache.set(root, bySyntax);
  }
  let facts = bySyntax.get(syntax);
  if (!facts) {
    facts = collect(root, syntax);
    bySyntax.set(syntax, facts);
  }
  return facts;
}
