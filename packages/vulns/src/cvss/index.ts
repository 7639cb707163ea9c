import { cvss2BaseScore } from './v2.js';
import { cvss3BaseScore } from './v3.js';
import { cvss4BaseScore } from './v4.js';

export type CvssVersion = '2.0' | '3.0' | '3.1' | '4.0';

/**
 * The base score of a CVSS vector: `CVSS:4.0/...`, `CVSS:3.1/...`, `CVSS:3.0/...`, or a bare v2 vector as NVD and
 * OSV write it. Undefined when the vector is not valid for its version: an unknown metric or value, a metric
 * given twice, or a mandatory base metric missing.
 */
export function cvssBaseScore(vector: string): { version: CvssVersion; score: number } | undefined {
  if (vector.startsWith('CVSS:4.')) return cvss4BaseScore(vector);
  if (vector.startsWith('CVSS:3.')) return cvss3BaseScore(vector);
  if (vector.startsWith('CVSS:')) return undefined;
  return cvss2BaseScore(vector);
}
