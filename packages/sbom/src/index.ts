export type { SbomOptions, CycloneDxVersion } from './options.js';
export { buildCycloneDx } from './cyclonedx/build.js';
export { validateCycloneDx } from './cyclonedx/validate.js';
export { buildSpdx } from './spdx/build.js';
export { validateSpdx } from './spdx/validate.js';
export { licenseFindings, LICENSE_RULES, LICENSE_TOOL_NAME } from './policy/findings.js';
export type { LicensePolicy } from './policy/evaluate.js';
