export * from './types.js';
export { walkFiles, DEFAULT_MAX_FILE_BYTES } from './walk.js';
export { DEFAULT_EXCLUDED_DIRS, isMinifiedName } from './default-excludes.js';
export { looksBinary, looksMinified } from './sniff.js';
export { parseIgnoreText } from './ignore-file.js';
export { normalizeGlob } from './filters.js';
export { parseShard, formatShard, inShard, shardOf, normalizeShardPath, MAX_SHARDS, type Shard } from './shard.js';
export {
  changedFiles,
  changedLines,
  onChangedLines,
  type ChangedLines,
  type ChangedOptions,
  type LineRange,
} from './changed.js';
export { commitsSince, addedLinesByCommit, type AddedLine, type CommitInfo, type HistoryOptions } from './history.js';
export { UnifiedDiffParser, parseHunkHeader, unquoteGitPath, parseNewPath, type DiffEvent, type HunkHeader } from './diff-parse.js';
export { resolveCommit, mergeBase } from './git-refs.js';
export { GitError } from './git-run.js';
