// What actions/dast needs, without the SAST engine and its native modules.
export { runDastRequest, newZapApiKey, type DastRequest, type EngineChoice } from './pipeline/run-dast.js';
export type { SettingFlags } from './pipeline/settings.js';
export type { ReportOutcome } from './pipeline/finish.js';
export { VERSION } from './version.js';
