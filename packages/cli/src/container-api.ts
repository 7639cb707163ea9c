// What actions/container-scan needs, without the SAST engine and its native modules.
export { runContainerRequest, type ContainerRequest } from './pipeline/run-container.js';
export type { SettingFlags } from './pipeline/settings.js';
export type { ReportOutcome } from './pipeline/finish.js';
export { VERSION } from './version.js';
