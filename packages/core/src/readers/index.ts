export type { ReadContext, ReadResult, ReportReader, ScannedResource, SkippedEntry } from './types.js';
export { READERS, READER_IDS, readerById } from './registry.js';
export { readReport, type ReadReportContext } from './read-report.js';
export { parseReportText } from './parse-text.js';
// The DAST engines (ZAP's API, the built-in engine) hand over alerts in ZAP's report shape and reuse this mapping.
export { mapZapAlert } from './zap/map.js';
export { zapAlertSchema, zapInstanceSchema, type ZapAlert, type ZapInstance } from './zap/schema.js';
