import { describe, expect, it } from 'vitest';
import type { OsvRecord } from '../osv/types.js';
import { groupByAlias, type RecordMatch } from './group.js';

const rec = (id: string, aliases: string[] = [], related: string[] = []): RecordMatch => ({
  record: { id, aliases, related, upstream: [], severity: [], affected: [], references: [] } satisfies OsvRecord,
  affected: [],
  fixed: [],
});
const ids = (groups: RecordMatch[][]) => groups.map((g) => g.map((m) => m.record.id));

describe('groupByAlias', () => {
  it('joins a GHSA, its CVE record and the distro record named after the CVE', () => {
    const groups = groupByAlias([rec('GHSA-35jh-r3h4-6jhm', ['CVE-2021-23337']), rec('DEBIAN-CVE-2021-23337'), rec('CVE-2021-23337', ['GHSA-35JH-R3H4-6JHM'])]);
    expect(ids(groups)).toEqual([['CVE-2021-23337', 'DEBIAN-CVE-2021-23337', 'GHSA-35jh-r3h4-6jhm']]);
  });

  it('joins transitively and keeps related records apart', () => {
    const groups = groupByAlias([rec('PYSEC-2023-74', ['CVE-2023-32681']), rec('GHSA-j8r2-6x86-q33q', ['CVE-2023-32681']), rec('GHSA-p6mc-m468-83gw', [], ['CVE-2023-32681'])]);
    expect(ids(groups)).toEqual([['GHSA-j8r2-6x86-q33q', 'PYSEC-2023-74'], ['GHSA-p6mc-m468-83gw']]);
  });

  it('gives the same groups whatever order the records come in', () => {
    const list = [rec('B-1', ['X-1']), rec('A-1'), rec('C-1', ['X-1'])];
    expect(ids(groupByAlias(list))).toEqual(ids(groupByAlias([...list].reverse())));
    expect(ids(groupByAlias(list))).toEqual([['A-1'], ['B-1', 'C-1']]);
  });
});
