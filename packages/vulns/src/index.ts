export { COMPARATORS, comparatorFor, type VersionComparator } from './versions/index.js';
