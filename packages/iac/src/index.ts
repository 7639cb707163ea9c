export { scanIac, scanText, type IacScanOptions, type IacScanResult } from './scan/scan-files.js';
export { listFiles } from './scan/walk.js';
export { detectKind } from './detect.js';
export { parseFile } from './parse/index.js';
export { ALL_RULES, RULE_PACKS } from './rules/index.js';
export { IAC_TOOL } from './tool.js';
export { FILE_KINDS, defineRule, type FileKind, type IacRule, type ParsedFile, type RuleMatch, type RelatedChecks } from './types.js';
