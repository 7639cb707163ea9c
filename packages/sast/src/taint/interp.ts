import type { SgNode } from '@ast-grep/napi';
import type { Builtins } from './builtins.js';
import type { RuleSites, SinkSite } from './rule-match.js';
import type { State } from './state.js';
import type { FunctionInfo, Literal, Syntax } from './syntax.js';
import { CLEAN, pointOf, sourceTrace, union, withSteps, type Taint, type Trace } from './trace.js';
import type { TaintMatch, TaintPoint } from './types.js';

/** A sink a parameter reaches inside a function: applied at each call with a tainted argument. */
export interface ParamSink {
  index: number;
  steps: readonly TaintPoint[];
  sink: SgNode;
}

export interface Summary {
  returns: Taint;
  paramSinks: ParamSink[];
}

/** Everything one findTaint call shares: the file's syntax facts, the rule's sites, the results. */
export interface FileCtx {
  syntax: Syntax;
  sites: RuleSites;
  builtins: Builtins;
  constants: ReadonlyMap<string, Literal>;
  functions: ReadonlyMap<string, FunctionInfo[]>;
  namedKids: Map<number, SgNode[]>;
  allFunctions: readonly FunctionInfo[];
  /** The state a named function closes over, recorded when its definition is reached. */
  closures: Map<number, State>;
  summaries: Map<number, Summary | 'pending'>;
  results: Map<string, TaintMatch>;
}

/** Walks one function body (or the module) in statement order, carrying the taint state. */
export class Interp {
  /** Taint of the receiver whose method is being called, for callbacks' first parameter (`t.map(x => ...)`). */
  callbackTaint: Taint = CLEAN;
  private readonly watched = new Map<number, Taint | undefined>();

  constructor(
    readonly file: FileCtx,
    public state: State,
    /** The summary under construction when walking a named function; undefined at module level. */
    readonly summary?: { returns: Taint[]; paramSinks: ParamSink[] },
  ) {}

  visit(node: SgNode): Taint {
    const id = node.id();
    const sites = this.file.sites;
    const sinkSites = sites.sinks.get(id);
    if (sinkSites) return this.visitSink(node, sinkSites);
    const handler = this.file.syntax.handlers[node.kind()];
    let taint = handler ? handler(this, node) : this.visitChildren(node);
    if (sites.sources.has(id)) taint = union(taint, [sourceTrace(node)]);
    if (sites.sanitizers.has(id)) taint = CLEAN;
    if (this.watched.has(id)) this.watched.set(id, taint);
    return taint;
  }

  namedChildren(node: SgNode): SgNode[] {
    const id = node.id();
    let kids = this.file.namedKids.get(id);
    if (!kids) {
      kids = node.namedChildren();
      this.file.namedKids.set(id, kids);
    }
    return kids;
  }

  visitChildren(node: SgNode): Taint {
    const out: Taint[] = [];
    for (const child of this.namedChildren(node)) out.push(this.visit(child));
    return union(...out);
  }

  /** Statements in order; code after a return/throw in the same block is unreachable. */
  visitBlock(node: SgNode): Taint {
    for (const child of this.namedChildren(node)) {
      if (this.state.dead) break;
      this.visit(child);
    }
    return CLEAN;
  }

  /** The sink's own evaluation records the taint of its focus nodes as it reaches them. */
  private visitSink(node: SgNode, sinkSites: SinkSite[]): Taint {
    const checked = sinkSites.flatMap((s) => s.focus ?? defaultSinkArgs(node));
    for (const n of checked) this.watched.set(n.id(), undefined);
    const handler = this.file.syntax.handlers[node.kind()];
    const sites = this.file.sites;
    const stateBefore = this.state.clone();
    let taint = handler ? handler(this, node) : this.visitChildren(node);
    if (sites.sources.has(node.id())) taint = union(taint, [sourceTrace(node)]);
    for (const site of sinkSites) {
      const nodes = site.focus ?? defaultSinkArgs(node);
      const found = nodes.map((n) => this.watched.get(n.id()) ?? this.evalDetached(n, stateBefore));
      this.report(union(...found), node);
    }
    for (const n of checked) this.watched.delete(n.id());
    if (sites.sanitizers.has(node.id())) return CLEAN;
    return taint;
  }

  /** Focus nodes the handler did not visit (e.g. inside a member chain): evaluate them apart. */
  private evalDetached(node: SgNode, state: State): Taint {
    const saved = this.state;
    this.state = state.clone();
    const taint = this.visit(node);
    this.state = saved;
    return taint;
  }

  report(taint: Taint, sink: SgNode, steps: readonly TaintPoint[] = []): void {
    for (const trace of withSteps(taint, steps)) this.reportTrace(trace, sink);
  }

  private reportTrace(trace: Trace, sink: SgNode): void {
    const { origin } = trace;
    if (origin.kind === 'param') {
      const list = this.summary?.paramSinks;
      if (list && !list.some((p) => p.index === origin.index && p.sink.id() === sink.id())) {
        list.push({ index: origin.index, steps: trace.steps, sink });
      }
      return;
    }
    const key = `${origin.id}:${sink.id()}`;
    const seen = this.file.results.get(key);
    if (seen && seen.steps.length <= trace.steps.length) return;
    this.file.results.set(key, { source: origin.point, steps: [...trace.steps], sink: pointOf(sink, `sink: ${firstLine(sink)}`) });
  }

  /** Runs `body` on a copy of the current state and returns the state it ends in. */
  branch(from: State, body: () => void): State {
    const saved = this.state;
    this.state = from.clone();
    body();
    const out = this.state;
    this.state = saved;
    return out;
  }

  /** Evaluates an expression with bindings of its own (comprehension variables) that must not leak. */
  branchValue(body: () => Taint): Taint {
    const saved = this.state;
    this.state = saved.clone();
    const taint = body();
    this.state = saved;
    return taint;
  }

  /** Evaluates an anonymous function where it stands: it sees the enclosing state, its result is not tracked. */
  visitInlineFunction(fn: Omit<FunctionInfo, 'id' | 'name' | 'isMethod'>): Taint {
    const callbackTaint = this.callbackTaint;
    this.callbackTaint = CLEAN;
    const saved = this.state;
    this.state = saved.clone();
    fn.params.forEach((p, i) => {
      const own = this.file.sites.sources.has(p.pattern.id()) ? [sourceTrace(p.pattern)] : CLEAN;
      this.file.syntax.bind(this, p.pattern, union(own, i === 0 ? callbackTaint : CLEAN), p.pattern);
    });
    if (fn.exprBody) this.visit(fn.body);
    else this.visitBlock(fn.body);
    this.state = saved;
    return CLEAN;
  }

  addReturn(taint: Taint): void {
    this.summary?.returns.push(taint);
  }
}

function defaultSinkArgs(node: SgNode): SgNode[] {
  const args = node.field('arguments');
  if (args) return args.children().filter((c) => c.isNamed());
  const right = node.field('right');
  if (right) return [right];
  return node.children().filter((c) => c.isNamed());
}

function firstLine(node: SgNode): string {
  const text = node.text();
  const nl = text.indexOf('\n');
  return nl === -1 ? text : `${text.slice(0, nl)} …`;
}

