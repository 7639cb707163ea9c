import type { SgNode } from '@ast-grep/napi';
import { Interp, type FileCtx, type ParamSink, type Summary } from './interp.js';
import { State } from './state.js';
import type { FunctionInfo } from './syntax.js';
import { CLEAN, pointOf, sourceTrace, union, withStep, withSteps, type Taint } from './trace.js';

/**
 * A function's summary: which parameters (and which real sources) reach its return value, and which
 * parameters reach a sink inside it. Computed once per function, on first call or at the end of the file.
 */
export function summarize(file: FileCtx, fn: FunctionInfo): Summary | undefined {
  const known = file.summaries.get(fn.id);
  if (known === 'pending') return undefined;
  if (known) return known;
  file.summaries.set(fn.id, 'pending');
  const builder = { returns: [] as Taint[], paramSinks: [] as ParamSink[] };
  const closure = file.closures.get(fn.id) ?? new State();
  const it = new Interp(file, closure.clone(), builder);
  it.state.dead = false;
  fn.params.forEach((p, index) => {
    const own = file.sites.sources.has(p.pattern.id()) ? [sourceTrace(p.pattern)] : CLEAN;
    file.syntax.bind(it, p.pattern, union(own, [{ origin: { kind: 'param', index }, steps: [] }]), p.pattern);
  });
  if (fn.exprBody) builder.returns.push(it.visit(fn.body));
  else it.visitBlock(fn.body);
  const summary: Summary = { returns: union(...builder.returns), paramSinks: builder.paramSinks };
  file.summaries.set(fn.id, summary);
  return summary;
}

/** Argument taint per parameter index, rest parameters taking every remaining argument. */
export interface CallArgs {
  positional: Taint[];
  keyword: Map<string, Taint>;
  /** A spread argument (`...xs`, `*args`) at this index or later: its taint reaches every later parameter. */
  spreadFrom?: number;
  spreadTaint?: Taint;
}

function argFor(fn: FunctionInfo, index: number, args: CallArgs): Taint {
  const param = fn.params[index];
  if (!param) return CLEAN;
  const found: Taint[] = [];
  if (param.rest) found.push(...args.positional.slice(index));
  else found.push(args.positional[index] ?? CLEAN);
  found.push(args.keyword.get(param.name) ?? CLEAN);
  if (args.spreadFrom !== undefined && index >= args.spreadFrom) found.push(args.spreadTaint ?? CLEAN);
  return union(...found);
}

/** The taint of a call to a local function, reporting the sinks its tainted arguments reach inside it. */
export function applySummary(it: Interp, fn: FunctionInfo, call: SgNode, args: CallArgs): Taint {
  const summary = summarize(it.file, fn);
  const all = union(...args.positional, ...args.keyword.values(), args.spreadTaint ?? CLEAN);
  // Recursion: assume the result depends on every argument, and look for no sinks.
  if (!summary) return all;
  const perParam = fn.params.map((p, i) => withStep(argFor(fn, i, args), pointOf(p.pattern, `passed to parameter ${p.name} of ${fn.name}`)));
  for (const ps of summary.paramSinks) {
    const taint = perParam[ps.index];
    if (taint && taint.length > 0) it.report(taint, ps.sink, ps.steps);
  }
  const returned = pointOf(call, `returned from ${fn.name}`);
  const out: Taint[] = [];
  for (const trace of summary.returns) {
    if (trace.origin.kind === 'source') out.push(withStep([trace], returned));
    else out.push(withStep(withSteps(perParam[trace.origin.index] ?? CLEAN, trace.steps), returned));
  }
  return union(...out);
}

/** Functions that the walk never called are analysed too: their own sources may reach their own sinks. */
export function summarizeRest(file: FileCtx): void {
  for (const fn of file.allFunctions) summarize(file, fn);
}
