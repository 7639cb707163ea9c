export { languageOf, extensionsOf, registerLanguages, napiLang, type NapiLang } from './languages.js';
export { scanSource, matchRoot, rulesFor, napiConfigOf, type ScanSourceOptions, type MatchContext } from './scan-source.js';
export { scanFiles, DEFAULT_MAX_FILE_BYTES, DEFAULT_PARSER, type ScanFile, type ScanFilesOptions, type ScanFilesResult } from './scan-files.js';
export { SAST_TOOL, SAST_VERSION } from './tool.js';
export { defaultFindTaint } from './default-taint.js';
