import type { Finding } from '../model/finding.js';
import type { Notification } from '../model/run.js';
import { checkIgnoreEntry, describeIgnore, isExpired, type IgnoreEntry } from './ignore-entry.js';
import { compileIgnore, findingIds, ignoreMatches, type CompiledIgnore } from './ignore-match.js';

export interface IgnoreResult {
  /** Every finding, in input order; the ones an entry matched carry an `ignore-file` suppression. */
  findings: Finding[];
  /** Entries past their `expires` date: they no longer apply. */
  expired: IgnoreEntry[];
  /** Entries still in force that matched no finding. */
  unused: IgnoreEntry[];
}

/**
 * Candidate entries are found through indexes by fingerprint and id, so the cost per finding is its
 * own ids plus the path-only entries, not the whole ignore list.
 */
class IgnoreIndex {
  private readonly byFingerprint = new Map<string, CompiledIgnore[]>();
  private readonly byId = new Map<string, CompiledIgnore[]>();
  private readonly pathOnly: CompiledIgnore[] = [];

  add(c: CompiledIgnore): void {
    if (c.entry.fingerprint !== undefined) push(this.byFingerprint, c.entry.fingerprint, c);
    else if (c.id !== undefined) push(this.byId, c.id, c);
    else this.pathOnly.push(c);
  }

  /**
   * Every matching entry in file order. All count as used: an entry that overlaps an earlier one
   * still matched something, and calling it unused would be wrong.
   */
  matches(finding: Finding): CompiledIgnore[] {
    const ids = findingIds(finding);
    const out: CompiledIgnore[] = [];
    for (const c of this.byFingerprint.get(finding.fingerprint) ?? []) if (ignoreMatches(c, finding, ids)) out.push(c);
    for (const id of ids) for (const c of this.byId.get(id) ?? []) if (ignoreMatches(c, finding, ids)) out.push(c);
    for (const c of this.pathOnly) if (ignoreMatches(c, finding, ids)) out.push(c);
    return out.sort((a, b) => a.index - b.index);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Applies `.rampart.yml` ignores. An entry past its expiry date stops applying and is reported, as is
 * an entry that matched nothing, so stale ignores surface instead of piling up. The first matching
 * entry gives the reason. A finding that was already suppressed (inline) keeps that suppression,
 * but still counts as a use of the entry.
 */
export function applyIgnores(findings: readonly Finding[], ignores: readonly IgnoreEntry[], now: Date): IgnoreResult {
  ignores.forEach((entry, i) => checkIgnoreEntry(entry, i));
  const expired: IgnoreEntry[] = [];
  const index = new IgnoreIndex();
  const used = new Set<number>();
  ignores.forEach((entry, i) => {
    if (isExpired(entry, now)) expired.push(entry);
    else index.add(compileIgnore(entry, i));
  });

  const out = findings.map((finding) => {
    const matches = index.matches(finding);
    for (const c of matches) used.add(c.index);
    const first = matches[0];
    if (first === undefined || finding.suppression) return finding;
    const { reason, expires } = first.entry;
    return { ...finding, suppression: { kind: 'ignore-file' as const, reason, ...(expires ? { expires } : {}) } };
  });

  const unused = ignores.filter((entry, i) => !used.has(i) && !isExpired(entry, now));
  return { findings: out, expired, unused };
}

/** Run notes for the summary and SARIF: each names the entry so the user can find and fix it. */
export function ignoreNotifications(result: Pick<IgnoreResult, 'expired' | 'unused'>): Notification[] {
  const notes: Notification[] = [];
  for (const entry of result.expired) {
    notes.push({
      level: 'warning',
      message: `Ignore entry (${describeIgnore(entry)}) expired on ${entry.expires ?? ''} and no longer applies; reason was: ${entry.reason}`,
    });
  }
  for (const entry of result.unused) {
    notes.push({
      level: 'warning',
      message: `Ignore entry (${describeIgnore(entry)}) matched no finding; remove it if the issue is gone. Reason: ${entry.reason}`,
    });
  }
  return notes;
}
