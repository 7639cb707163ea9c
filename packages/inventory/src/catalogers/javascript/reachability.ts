/**
 * The nodes reachable from `starts` following `edges`. Lockfiles that do not flag dev packages themselves (pnpm 9,
 * yarn) get them from this: a package is dev when no production dependency of any project reaches it.
 */
export function reachable(starts: Iterable<string>, edges: ReadonlyMap<string, readonly string[]>): Set<string> {
  const seen = new Set<string>();
  const stack = [...starts];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (seen.has(next)) continue;
    seen.add(next);
    for (const to of edges.get(next) ?? []) if (!seen.has(to)) stack.push(to);
  }
  return seen;
}
