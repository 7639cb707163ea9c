import { baseEcosystem, normalizeName } from '../osv/ecosystem.js';
import type { OsvRecord } from '../osv/types.js';
import type { PackageQuery, SourceAnswer, VulnSource } from './source.js';

/**
 * Records already in memory (a directory of OSV JSON files a user points at, or a test). Answers each query with
 * the records naming that package in that ecosystem family; the matcher does the rest.
 */
export function memorySource(records: readonly OsvRecord[], description = 'OSV records in memory'): VulnSource {
  const byName = new Map<string, OsvRecord[]>();
  for (const record of records) {
    const keys = new Set(record.affected.map((a) => `${baseEcosystem(a.package.ecosystem)}\0${normalizeName(a.package.ecosystem, a.package.name)}`));
    for (const key of keys) {
      const list = byName.get(key);
      if (list) list.push(record);
      else byName.set(key, [record]);
    }
  }
  return {
    description,
    query(queries: readonly PackageQuery[]): Promise<SourceAnswer> {
      const answer = queries.map((q) => byName.get(`${baseEcosystem(q.ecosystem)}\0${normalizeName(q.ecosystem, q.name)}`) ?? []);
      return Promise.resolve({ records: answer, problems: [] });
    },
  };
}
