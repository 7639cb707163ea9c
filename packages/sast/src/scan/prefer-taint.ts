import type { RawFinding } from '@rampart/core';

function cwes(f: RawFinding): string[] {
  return f.identifiers.filter((i) => i.type === 'cwe').map((i) => i.value.toUpperCase());
}

function lineKey(f: RawFinding): string | undefined {
  return f.location.type === 'source' ? `${f.location.path}\0${f.location.startLine ?? 0}` : undefined;
}

/**
 * A structural rule and a taint rule often report the same sink (`exec(cmd)` built from `req.query`).
 * One issue should be one finding: where a taint finding shares a line and a CWE with a structural one,
 * the taint finding stays, since it carries the source and the path, and the structural one goes.
 */
export function preferTaint(findings: readonly RawFinding[]): RawFinding[] {
  const taintCwes = new Map<string, Set<string>>();
  for (const f of findings) {
    const key = lineKey(f);
    if (key === undefined || !f.flow || f.flow.length === 0) continue;
    let set = taintCwes.get(key);
    if (!set) taintCwes.set(key, (set = new Set()));
    for (const c of cwes(f)) set.add(c);
  }
  if (taintCwes.size === 0) return [...findings];
  return findings.filter((f) => {
    if (f.flow && f.flow.length > 0) return true;
    const key = lineKey(f);
    const covered = key === undefined ? undefined : taintCwes.get(key);
    return !covered || !cwes(f).some((c) => covered.has(c));
  });
}
