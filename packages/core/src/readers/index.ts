export type { ReadContext, ReadResult, ReportReader, ScannedResource, SkippedEntry } from './types.js';
export { READERS, READER_IDS, readerById } from './registry.js';
export { readReport, type ReadReportContext } from './read-report.js';
export { parseReportText } from './parse-text.js';
