export { COMPARATORS, comparatorFor, type VersionComparator } from './versions/index.js';
export { cvssBaseScore, type CvssVersion } from './cvss/index.js';
