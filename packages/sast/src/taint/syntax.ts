import type { SgNode } from '@ast-grep/napi';
import type { Interp } from './interp.js';
import type { Taint } from './trace.js';

/** Evaluates one node kind: returns the taint of its value (statements return CLEAN). */
export type Handler = (it: Interp, node: SgNode) => Taint;

export interface Param {
  /** Identifier or destructuring pattern to bind. */
  pattern: SgNode;
  name: string;
  /** `...rest` / `*args`: receives every remaining positional argument. */
  rest: boolean;
}

export interface FunctionInfo {
  id: number;
  name: string;
  node: SgNode;
  params: Param[];
  body: SgNode;
  /** Arrow function or lambda whose body is an expression: its value is the return value. */
  exprBody: boolean;
  /** Defined in a class: reached as `this.name(...)` / `self.name(...)`. */
  isMethod: boolean;
}

/** A boolean check that proves a value safe where it holds (allow-list, equality, anchored regex). */
export interface Guard {
  path: string;
  /** True: the value is safe where the condition is true; false: where it is false. */
  positive: boolean;
}

/** What the taint interpreter needs to know about one grammar family. */
export interface Syntax {
  handlers: Record<string, Handler>;
  /** A named function defined by this node (declaration, method, `const f = () => ...`), if any. */
  functionAt(node: SgNode): FunctionInfo | undefined;
  /** The kinds functionAt may accept, for one findAll per file. */
  functionKinds: string[];
  /** The access path of an expression (`x`, `this.a`, `d.key`), if it is one. */
  pathOf(node: SgNode): string | undefined;
  /** Truthiness of a condition when it is a compile-time constant, given the file's constants. */
  fold(node: SgNode, constants: ReadonlyMap<string, Literal>): boolean | undefined;
  /** Names assigned exactly once, to a literal, anywhere in the file. */
  constants(root: SgNode): Map<string, Literal>;
  /** Guards that a condition establishes. */
  guards(node: SgNode, startsWith: boolean): Guard[];
  /**
   * Binds a target (identifier, pattern, member) to a taint; `weak` adds instead of replacing;
   * `field` binds one field of the target (`o.a` of an object literal).
   */
  bind(it: Interp, target: SgNode, taint: Taint, step: SgNode, weak?: boolean, field?: string): void;
  /** Methods are called without a receiver (Java): an unqualified call resolves to a method of the file. */
  implicitThis?: boolean;
  /** Receiver methods, beyond the shared ones, that store their arguments in the receiver (`map.put`). */
  mutators?: ReadonlySet<string>;
  /** A receiver that names something of this file (`Util` of `Util.clean(x)` for a class declared here). */
  localReceiver?(receiver: SgNode): boolean;
}

export type Literal = string | number | boolean | null;
