import { cveNamedBy, idKey } from '../osv/ids.js';
import type { OsvAffected, OsvRecord } from '../osv/types.js';

/** A record that affects one package, with the `affected` entries that matched and the fixes that apply. */
export interface RecordMatch {
  record: OsvRecord;
  affected: OsvAffected[];
  fixed: string[];
}

/** Every id a record stands for: its own, its aliases, and the CVE a distro record is named after. */
export function namesOf(record: OsvRecord): string[] {
  const names = [record.id, ...record.aliases];
  const cve = cveNamedBy(record.id);
  if (cve !== undefined) names.push(cve);
  return [...new Set(names.map(idKey))];
}

/**
 * Records that describe one vulnerability, grouped: two records belong together when one's id or aliases meet
 * the other's (GHSA-x aliasing CVE-y, PYSEC-z aliasing both), transitively. `related` does not join records: it
 * means "similar", not "the same". Groups and their members come out sorted by id, whatever order the source
 * returned the records in.
 */
export function groupByAlias(matches: readonly RecordMatch[]): RecordMatch[][] {
  const parent = matches.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] ?? root;
    parent[i] = root;
    return root;
  };
  const owner = new Map<string, number>();
  matches.forEach((m, i) => {
    for (const name of namesOf(m.record)) {
      const other = owner.get(name);
      if (other === undefined) owner.set(name, i);
      else parent[find(i)] = find(other);
    }
  });
  const groups = new Map<number, RecordMatch[]>();
  matches.forEach((m, i) => {
    const root = find(i);
    const list = groups.get(root) ?? [];
    list.push(m);
    groups.set(root, list);
  });
  const byId = (a: RecordMatch, b: RecordMatch): number => (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0);
  return [...groups.values()].map((g) => g.sort(byId)).sort((a, b) => byId(a[0] as RecordMatch, b[0] as RecordMatch));
}
