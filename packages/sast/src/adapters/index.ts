export { ADAPTER_IDS } from './types.js';
export type { AdapterId, AdapterArgsContext, AdapterSettings, Env, LocalReader, RunAdaptersContext, ToolAdapter, Which } from './types.js';
export { ADAPTERS, adapterById } from './registry.js';
export { runAdapters, DEFAULT_ADAPTER_TIMEOUT_MS, type RunAdaptersResult } from './run-adapters.js';
export { findOnPath } from './which.js';
export { readEslintReport, ESLINT_FORMAT } from './eslint/read.js';
