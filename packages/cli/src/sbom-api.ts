// What actions/sbom needs, without the SAST engine and its native modules.
export { runSbomRequest, type SbomRequest } from './pipeline/run-sbom.js';
export { SBOM_FILES, SBOM_FORMATS, type SbomFormat } from './pipeline/sbom-step.js';
export type { SettingFlags } from './pipeline/settings.js';
export type { ReportOutcome } from './pipeline/finish.js';
export { VERSION } from './version.js';
