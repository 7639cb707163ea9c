import type { SgNode } from '@ast-grep/napi';
import type { Interp } from './interp.js';
import { applySummary, type CallArgs } from './summaries.js';
import type { FunctionInfo } from './syntax.js';
import { CLEAN, union, type Taint } from './trace.js';

export interface ArgPart {
  node: SgNode;
  keyword?: string;
  spread?: boolean;
}

/** A call as the grammar-independent part of the interpreter sees it. */
export interface CallParts {
  node: SgNode;
  callee: SgNode;
  /** Dotted callee text without whitespace or optional chaining: `os.path.basename`. */
  calleeText: string;
  /** The object of a method call (`x` in `x.trim()`). */
  receiver?: SgNode;
  /** The last name of the callee: `trim`, `basename`, `exec`. */
  method?: string;
  args: ArgPart[];
}

// Methods that store their arguments in the receiver.
const MUTATORS = new Set(['push', 'unshift', 'append', 'extend', 'insert', 'add', 'update', 'set', 'setdefault', 'appendleft']);
const SELF_NAMES = new Set(['this', 'self', 'cls']);

export function normalizeCallee(text: string): string {
  return text.replace(/\s+/g, '').replace(/\?\./g, '.');
}

function resolveLocal(it: Interp, call: CallParts): FunctionInfo | undefined {
  if (!call.method) return undefined;
  const receiverText = call.receiver?.text();
  const syntax = it.file.syntax;
  if (call.receiver && !SELF_NAMES.has(receiverText ?? '') && !syntax.localReceiver?.(call.receiver)) return undefined;
  const candidates = it.file.functions.get(call.method) ?? [];
  if (syntax.implicitThis) {
    // Overloads: the one whose arity fits.
    const arity = call.args.length;
    return candidates.find((f) => f.params.length === arity || (f.params.at(-1)?.rest === true && arity >= f.params.length - 1));
  }
  return candidates.find((f) => f.isMethod === (call.receiver !== undefined));
}

function evalArgs(it: Interp, call: CallParts, receiverTaint: Taint): CallArgs {
  const args: CallArgs = { positional: [], keyword: new Map() };
  for (const arg of call.args) {
    it.callbackTaint = receiverTaint;
    const taint = it.visit(arg.node);
    it.callbackTaint = CLEAN;
    if (arg.keyword !== undefined) args.keyword.set(arg.keyword, taint);
    else if (arg.spread) {
      args.spreadFrom ??= args.positional.length;
      args.spreadTaint = union(args.spreadTaint ?? CLEAN, taint);
    } else args.positional.push(taint);
  }
  return args;
}

/**
 * The taint of a call's result. Unknown calls pass taint through from the receiver and the arguments
 * (`x.trim()`, `path.join(a, x)`, `"{}".format(x)`), as Semgrep does by default; built-in sanitizers and
 * calls returning numbers or booleans cut it; local functions are applied through their summaries.
 */
export function visitCall(it: Interp, call: CallParts): Taint {
  const receiverTaint = call.receiver ? it.visit(call.receiver) : CLEAN;
  if (!call.receiver && call.callee.kind() !== 'identifier') it.visit(call.callee);
  const args = evalArgs(it, call, receiverTaint);
  const { builtins } = it.file;
  if (builtins.isSanitizer(call.calleeText) || builtins.isCleanCall(call.calleeText, call.method)) return CLEAN;
  const local = resolveLocal(it, call);
  if (local) return applySummary(it, local, call.node, args);
  const argTaint = union(...args.positional, ...args.keyword.values(), args.spreadTaint ?? CLEAN);
  if (call.receiver && call.method && (MUTATORS.has(call.method) || it.file.syntax.mutators?.has(call.method))) {
    const path = it.file.syntax.pathOf(call.receiver);
    if (path) it.state.add(path, argTaint);
  }
  if (call.calleeText === 'Object.assign' && call.args[0]) {
    const path = it.file.syntax.pathOf(call.args[0].node);
    if (path) it.state.add(path, argTaint);
  }
  return union(receiverTaint, argTaint);
}
