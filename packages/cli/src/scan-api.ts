// The scanners for embedders such as actions/sast, without the CLI's argument parsing.
export { runScanRequest, type ScanRequest, type ScanKind } from './pipeline/run-scan.js';
export type { ReportOutcome } from './pipeline/finish.js';
export type { SettingFlags } from './pipeline/settings.js';
export type { CliDeps } from './deps.js';
