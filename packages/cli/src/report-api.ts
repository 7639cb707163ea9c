// `rampart report` for embedders such as actions/report: only the report pipeline, so a bundle of it does
// not pull in the scanners (and their native parsers).
export { runReport, type ReportRequest, type ReportOutcome } from './pipeline/run-report.js';
export { resolveSettings, OUTPUT_FORMATS, type SettingFlags, type Settings } from './pipeline/settings.js';
export type { CliDeps } from './deps.js';
export { EXIT } from './exit-codes.js';
