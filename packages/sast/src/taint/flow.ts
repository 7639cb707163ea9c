import type { SgNode } from '@ast-grep/napi';
import type { Interp } from './interp.js';
import { State } from './state.js';
import type { Guard } from './syntax.js';
import { CLEAN, type Taint } from './trace.js';

export interface Arm {
  condition: SgNode;
  body: SgNode;
}

function forgetGuarded(state: State, guards: Guard[], positive: boolean): void {
  for (const g of guards) if (g.positive === positive) state.forget(g.path);
}

/**
 * if / elif / else: each arm runs on its own copy of the state and the live ones merge. An arm whose
 * condition folds to false is dead code and is not walked; one that folds to true ends the chain.
 * Guards (allow-list checks) clean the checked value inside the arm, or after it when the arm exits.
 */
export function runBranches(it: Interp, arms: Arm[], elseBody: SgNode | undefined, visitBody: (n: SgNode) => void): Taint {
  const { syntax, constants, builtins } = it.file;
  const outcomes: State[] = [];
  let fallthrough = it.state;
  let settled = false;
  for (const arm of arms) {
    const value = syntax.fold(arm.condition, constants);
    it.state = fallthrough;
    it.visit(arm.condition);
    if (value === false) continue;
    const guards = syntax.guards(arm.condition, builtins.startsWithGuards);
    outcomes.push(it.branch(fallthrough, () => {
      forgetGuarded(it.state, guards, true);
      visitBody(arm.body);
    }));
    if (value === true) {
      settled = true;
      break;
    }
    fallthrough = fallthrough.clone();
    forgetGuarded(fallthrough, guards, false);
  }
  if (!settled) {
    if (elseBody) outcomes.push(it.branch(fallthrough, () => visitBody(elseBody)));
    else outcomes.push(fallthrough);
  }
  it.state = State.merge(outcomes);
  return CLEAN;
}

/**
 * A loop body runs twice so that taint carried from one iteration to the next (`s = s + x`) is seen,
 * then merges with the state of never entering the loop.
 */
export function runLoop(it: Interp, condition: SgNode | undefined, body: () => void): Taint {
  const value = condition ? it.file.syntax.fold(condition, it.file.constants) : undefined;
  if (value === false) return CLEAN;
  const before = it.state;
  const after = it.branch(before, () => {
    body();
    if (!it.state.dead) body();
  });
  after.dead = false;
  it.state = State.merge([before, after]);
  return CLEAN;
}

/** try / catch / finally: the handler may start from any point of the try block, approximated by its start and end. */
export function runTry(it: Interp, body: SgNode, handlers: SgNode[], finalizer: SgNode | undefined, visitBody: (n: SgNode) => void): Taint {
  const before = it.state;
  const tried = it.branch(before, () => visitBody(body));
  const outcomes = [tried];
  const entry = State.merge([before, tried]);
  entry.dead = false;
  for (const handler of handlers) outcomes.push(it.branch(entry, () => visitBody(handler)));
  it.state = State.merge(outcomes);
  if (finalizer) {
    const dead = it.state.dead;
    it.state.dead = false;
    visitBody(finalizer);
    it.state.dead = it.state.dead || dead;
  }
  return CLEAN;
}

/** Guards an assertion establishes hold for the rest of the block. */
export function applyAssertion(it: Interp, condition: SgNode): void {
  forgetGuarded(it.state, it.file.syntax.guards(condition, it.file.builtins.startsWithGuards), true);
}

/** `while (cond) body` in every grammar that names those fields `condition` and `body`. */
export function visitWhileLoop(it: Interp, node: SgNode): Taint {
  const condition = node.field('condition') ?? undefined;
  const body = node.field('body');
  return runLoop(it, condition, () => {
    if (condition) it.visit(condition);
    if (body) it.visit(body);
  });
}

/**
 * `for (x of xs)` / `for (T x : xs)`: the loop variable takes the iterated value's taint on every pass.
 * The grammars name the two fields differently, so they are passed in.
 */
export function visitIterationLoop(it: Interp, node: SgNode, binding: string, iterable: string): Taint {
  const target = node.field(binding);
  const source = node.field(iterable);
  const body = node.field('body');
  const taint = source ? it.visit(source) : CLEAN;
  return runLoop(it, undefined, () => {
    if (target) it.file.syntax.bind(it, target, taint, node);
    if (body) it.visit(body);
  });
}
