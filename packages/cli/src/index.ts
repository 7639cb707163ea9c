export { main } from './main.js';
export { processDeps, type CliDeps } from './deps.js';
export { EXIT } from './exit-codes.js';
export { runReport, type ReportRequest, type ReportOutcome } from './pipeline/run-report.js';
export { resolveSettings, OUTPUT_FORMATS, type SettingFlags, type Settings } from './pipeline/settings.js';
export { textSummary, jsonSummary } from './pipeline/print.js';
