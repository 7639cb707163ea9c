/** Edges of one lockfile, purl -> purls, already resolved within the file. */
export type Edges = ReadonlyMap<string, readonly string[]>;

export function reachable(edges: Edges, seeds: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const stack = [...seeds];
  while (stack.length > 0) {
    const next = stack.pop();
    if (next === undefined || seen.has(next)) continue;
    seen.add(next);
    stack.push(...(edges.get(next) ?? []));
  }
  return seen;
}

/**
 * Packages only needed for development: reachable from a dev seed but not from a runtime seed. A package reachable
 * from neither (a stale lock entry) stays runtime, since claiming it is dev-only could hide it from a runtime audit.
 */
export function devOnly(edges: Edges, runtimeSeeds: Iterable<string>, devSeeds: Iterable<string>): Set<string> {
  const runtime = reachable(edges, runtimeSeeds);
  const dev = reachable(edges, devSeeds);
  return new Set([...dev].filter((p) => !runtime.has(p)));
}

/** Packages no other package depends on: the best guess at direct dependencies when no manifest says. */
export function graphTops(all: Iterable<string>, edges: Edges): Set<string> {
  const depended = new Set([...edges.values()].flat());
  return new Set([...all].filter((p) => !depended.has(p)));
}
