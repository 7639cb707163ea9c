export type { SecretRule, ScanSecretsOptions, SecretMatch } from './types.js';
export { SECRET_RULES, SECRET_RULE_GROUPS, secretRuleById } from './rules/index.js';
export { scanSecrets } from './scan.js';
export { scanSecretsInHistory, type HistoryScanOptions } from './history.js';
export { DEFAULT_ALLOW_PATHS, isAllowedPath } from './allow.js';
export { GENERIC_RULE_ID } from './generic.js';
export { shannonEntropy, isHighEntropy } from './entropy.js';
export { crc32, verifyBase62Crc } from './checksum.js';
export { redact } from './redact.js';
