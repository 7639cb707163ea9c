import type { Finding, RawFinding } from '../model/finding.js';
import { normalizePath } from '../model/fingerprint.js';

/**
 * Tools such as ESLint write absolute `file:///home/runner/work/...` URIs. Under the checkout root they become
 * relative, so fingerprints do not depend on where the runner cloned the repository and SARIF can use
 * `%SRCROOT%`. Paths outside the root are left as they are.
 */
export function relativizePath(path: string, root: string): string {
  const p = normalizePath(path);
  const r = normalizePath(root).replace(/\/+$/, '');
  if (r.length > 0 && p.startsWith(`${r}/`)) return p.slice(r.length + 1);
  return p;
}

export function relativizeFindings<F extends RawFinding | Finding>(findings: readonly F[], root: string | undefined): F[] {
  if (!root) return [...findings];
  return findings.map((f) => {
    if (f.location.type !== 'source') return f;
    const path = relativizePath(f.location.path, root);
    const flow = f.flow?.map((s) => ({ ...s, path: relativizePath(s.path, root) }));
    if (path === f.location.path && !flow) return f;
    return { ...f, location: { ...f.location, path }, ...(flow ? { flow } : {}) };
  });
}
