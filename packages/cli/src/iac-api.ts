// What actions/iac needs, without the SAST engine, its native modules or the CycloneDX library.
export { runIacRequest, type IacRequest } from './pipeline/run-iac.js';
export type { SettingFlags } from './pipeline/settings.js';
export type { ReportOutcome } from './pipeline/finish.js';
export { VERSION } from './version.js';
