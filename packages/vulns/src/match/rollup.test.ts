import { describe, expect, it } from 'vitest';
import type { OsvRecord } from '../osv/types.js';
import type { RecordMatch } from './group.js';
import { dropRollups } from './rollup.js';

// Shapes of osv.dev's distro records (ids and upstream lists only), not transcribed records.
const rec = (id: string, upstream: string[] = []): RecordMatch[] => [
  { record: { id, aliases: [], related: [], upstream, severity: [], affected: [], references: [] } satisfies OsvRecord, affected: [], fixed: [] },
];
const ids = (groups: RecordMatch[][]) => groups.map((g) => g[0]?.record.id);

describe('dropRollups', () => {
  it('drops a DSA whose every upstream CVE is already a finding', () => {
    const groups = [rec('DSA-5514-1', ['CVE-2023-4911', 'DEBIAN-CVE-2023-4911']), rec('DEBIAN-CVE-2023-4911', ['CVE-2023-4911'])];
    expect(ids(dropRollups(groups))).toEqual(['DEBIAN-CVE-2023-4911']);
  });

  it('keeps a roll-up that covers a CVE nothing else reports', () => {
    const groups = [rec('USN-6039-1', ['CVE-2023-0464', 'CVE-2023-0465']), rec('UBUNTU-CVE-2023-0464', ['CVE-2023-0464'])];
    expect(ids(dropRollups(groups))).toEqual(['USN-6039-1', 'UBUNTU-CVE-2023-0464']);
  });

  it('never drops a record for naming its own CVE upstream', () => {
    expect(ids(dropRollups([rec('DEBIAN-CVE-2023-4911', ['CVE-2023-4911'])]))).toEqual(['DEBIAN-CVE-2023-4911']);
  });
});
