// What actions/dependency-scan needs, without the SAST engine and its native modules.
export { runDepsRequest, type DepsRequest } from './pipeline/run-deps.js';
export type { SettingFlags } from './pipeline/settings.js';
export type { ReportOutcome } from './pipeline/finish.js';
export { VERSION } from './version.js';
