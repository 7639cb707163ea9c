import type { Finding, Identifier, Tool } from '../model/finding.js';
import { maxSeverity } from '../model/severity.js';
import { identifierForRuleId, isCveId, isGhsaId } from './advisory.js';

/** Lower is preferred: a CVE id is what most users search for, then a GitHub advisory, then anything else. */
function ruleIdPreference(ruleId: string): number {
  if (isCveId(ruleId)) return 0;
  if (isGhsaId(ruleId)) return 1;
  return 2;
}

/** The primary of a group: best rule id kind, then the earliest in input order (the first tool). */
function primaryIndex(group: readonly Finding[]): number {
  let best = 0;
  let bestPref = Number.POSITIVE_INFINITY;
  group.forEach((f, i) => {
    const pref = ruleIdPreference(f.ruleId);
    if (pref < bestPref) {
      best = i;
      bestPref = pref;
    }
  });
  return best;
}

function firstDefined<T>(ordered: readonly Finding[], pick: (f: Finding) => T | undefined): T | undefined {
  for (const f of ordered) {
    const v = pick(f);
    if (v !== undefined) return v;
  }
  return undefined;
}

function longer(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return b.length > a.length ? b : a;
}

function unionIdentifiers(ordered: readonly Finding[], primary: Finding): Identifier[] {
  const seen = new Set<string>();
  const out: Identifier[] = [];
  const add = (id: Identifier): void => {
    const key = `${id.type.toLowerCase()}\0${id.value.toLowerCase()}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(id);
  };
  for (const f of ordered) {
    for (const id of f.identifiers) add(id);
  }
  // A rule id that lost to the primary's would otherwise vanish from the report.
  for (const f of ordered) {
    if (f.ruleId.toLowerCase() !== primary.ruleId.toLowerCase()) add(identifierForRuleId(f.ruleId));
  }
  return out;
}

function unionTools(ordered: readonly Finding[], primary: Finding): Tool[] {
  const key = (t: Tool): string => `${t.name}\0${t.version}`;
  const seen = new Set([key(primary.tool)]);
  const out: Tool[] = [];
  for (const f of ordered) {
    for (const t of [f.tool, ...(f.alsoReportedBy ?? [])]) {
      if (seen.has(key(t))) continue;
      seen.add(key(t));
      out.push(t);
    }
  }
  return out;
}

function mergeFix(ordered: readonly Finding[]): Finding['fix'] {
  const versions: string[] = [];
  let summary: string | undefined;
  let any = false;
  for (const f of ordered) {
    if (!f.fix) continue;
    any = true;
    for (const v of f.fix.versions ?? []) if (!versions.includes(v)) versions.push(v);
    summary = longer(summary, f.fix.summary);
  }
  if (!any) return undefined;
  return {
    ...(versions.length > 0 ? { versions } : {}),
    ...(summary !== undefined ? { summary } : {}),
  };
}

/**
 * One finding from several reports of the same issue. The primary keeps its rule, location and
 * fingerprint (so baselines made from either tool's output keep matching the CVE-named one); the
 * rest contribute what they know more of.
 */
export function mergeGroup(group: readonly Finding[]): Finding {
  const first = group[0];
  if (first === undefined) throw new Error('mergeGroup called with an empty group');
  if (group.length === 1) return first;
  const pi = primaryIndex(group);
  const primary = group[pi] ?? first;
  const ordered = [primary, ...group.filter((_, i) => i !== pi)];

  const merged: Finding = { ...primary, identifiers: unionIdentifiers(ordered, primary) };
  merged.severity = ordered.reduce((s, f) => maxSeverity(s, f.severity), primary.severity);
  merged.message = ordered.reduce((m, f) => longer(m, f.message) ?? m, primary.message);
  const help = ordered.reduce<string | undefined>((h, f) => longer(h, f.help), undefined);
  if (help !== undefined) merged.help = help;
  const fix = mergeFix(ordered);
  if (fix !== undefined) merged.fix = fix;
  const tools = unionTools(ordered, primary);
  if (tools.length > 0) merged.alsoReportedBy = tools;
  else delete merged.alsoReportedBy;
  const confidence = firstDefined(ordered, (f) => f.confidence);
  if (confidence !== undefined) merged.confidence = confidence;
  // A suppression on any copy was a decision someone made about this issue; keep it.
  const suppression = firstDefined(ordered, (f) => f.suppression);
  if (suppression !== undefined) merged.suppression = suppression;
  const flow = firstDefined(ordered, (f) => f.flow);
  if (flow !== undefined) merged.flow = flow;
  return merged;
}
