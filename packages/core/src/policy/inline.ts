import type { Finding } from '../model/finding.js';
import { normalizePath } from '../model/fingerprint.js';
import { findingIds } from './ignore-match.js';
import { parseInlineIgnores, type InlineIgnore } from './inline-parse.js';

/**
 * Marks source findings that a `rampart-ignore` comment covers with an `inline` suppression. Each
 * file is read and parsed at most once; a file that cannot be read suppresses nothing. Findings
 * already suppressed keep their suppression.
 */
export function applyInlineIgnores(
  findings: readonly Finding[],
  readSource: (path: string) => string | undefined,
): Finding[] {
  const parsed = new Map<string, Map<number, InlineIgnore[]>>();
  const ignoresIn = (path: string): Map<number, InlineIgnore[]> => {
    let map = parsed.get(path);
    if (map === undefined) {
      const text = readSource(path);
      map = text === undefined ? new Map() : parseInlineIgnores(text);
      parsed.set(path, map);
    }
    return map;
  };

  return findings.map((finding) => {
    const loc = finding.location;
    if (finding.suppression || loc.type !== 'source' || loc.startLine === undefined) return finding;
    const onLine = ignoresIn(normalizePath(loc.path)).get(loc.startLine);
    if (onLine === undefined) return finding;
    const ids = findingIds(finding);
    const match = onLine.find((ig) => ids.has(ig.ruleId.toLowerCase()));
    if (match === undefined) return finding;
    return { ...finding, suppression: { kind: 'inline' as const, reason: match.reason } };
  });
}
