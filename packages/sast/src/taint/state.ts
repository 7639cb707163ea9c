import { CLEAN, union, type Taint } from './trace.js';

/**
 * The taint of every tracked access path (`x`, `obj.field`, `d.key`) at one program point. Paths are
 * field-sensitive one way: writing `o.a` does not taint `o.b`, but reading `o` sees every `o.*`.
 */
export class State {
  private readonly vars: Map<string, Taint>;
  /** Set after return/throw: what follows in the same block is unreachable. */
  dead = false;

  constructor(vars?: Map<string, Taint>) {
    this.vars = vars ?? new Map();
  }

  clone(): State {
    const copy = new State(new Map(this.vars));
    copy.dead = this.dead;
    return copy;
  }

  /** The taint of a path: its own, an enclosing object's, or any of its fields'. */
  read(path: string): Taint {
    const own = this.vars.get(path);
    if (this.vars.size === 0) return CLEAN;
    const found: Taint[] = own ? [own] : [];
    const prefix = `${path}.`;
    for (const [key, taint] of this.vars) {
      if (key === path) continue;
      if (key.startsWith(prefix) || path.startsWith(`${key}.`)) found.push(taint);
    }
    return union(...found);
  }

  /** Strong update: the path (and its fields) now hold exactly this taint. */
  write(path: string, taint: Taint): void {
    this.forget(path);
    if (taint.length > 0) this.vars.set(path, taint);
  }

  /** Weak update: the path may additionally hold this taint (array push, `a[i] = x`, `+=`). */
  add(path: string, taint: Taint): void {
    if (taint.length === 0) return;
    const own = this.vars.get(path);
    this.vars.set(path, own ? union(own, taint) : taint);
  }

  /** Drop a path and its fields, e.g. after an allow-list check proved the value safe. */
  forget(path: string): void {
    this.vars.delete(path);
    const prefix = `${path}.`;
    for (const key of [...this.vars.keys()]) if (key.startsWith(prefix)) this.vars.delete(key);
  }

  /** Merge of control-flow paths: a path is tainted if it is on any live incoming branch. */
  static merge(states: State[]): State {
    const live = states.filter((s) => !s.dead);
    if (live.length === 0) {
      const out = states[0]?.clone() ?? new State();
      out.dead = true;
      return out;
    }
    const [first, ...rest] = live;
    const out = (first as State).clone();
    for (const other of rest) for (const [key, taint] of other.vars) out.add(key, taint);
    return out;
  }
}
