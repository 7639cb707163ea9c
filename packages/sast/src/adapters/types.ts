import type { Logger, ReadResult } from '@rampart/core';

/** The third-party tools rampart can run; each has one folder under `adapters/`. */
export const ADAPTER_IDS = ['bandit', 'semgrep', 'eslint', 'gitleaks'] as const;
export type AdapterId = (typeof ADAPTER_IDS)[number];

/** The process environment as a plain record, passed in so nothing reads `process.env` on its own. */
export type Env = Record<string, string | undefined>;

/** Finds an executable on `env.PATH`; adapters get it as a parameter so tests can swap it. */
export type Which = (binary: string, env: Env) => Promise<string | undefined>;

/** Per-tool settings a user gives on the command line or in `.rampart.yml`. */
export interface AdapterSettings {
  /**
   * Semgrep `--config` values (rule files, directories or registry names such as `p/python`). Required:
   * `auto` and registry packs download rules, and a scan must not reach the network unless the user asked.
   */
  semgrepConfig?: readonly string[];
}

export interface AdapterArgsContext {
  /** Absolute path of the directory to scan. */
  root: string;
  /** Absolute paths of the files to scan instead of the whole root (tools that cannot take files ignore it). */
  files?: readonly string[];
  /** Absolute path the tool must write its report to. */
  outFile: string;
  settings: AdapterSettings;
}

/** Reads a report in a format core has no reader for (ESLint's own JSON). */
export type LocalReader = (text: string, ctx: { file: string; root?: string }) => ReadResult;

/**
 * How to run one third-party tool and read what it writes. Adapters only build argument arrays:
 * `runAdapters` does the running, so no adapter can reach a shell.
 */
export interface ToolAdapter {
  id: AdapterId;
  /** Human name for messages. */
  title: string;
  /** Executable name looked up on PATH. */
  binary: string;
  /** Path of the binary on PATH, or undefined when the tool is not installed. */
  detect(env: Env, which: Which): Promise<string | undefined>;
  /** Why the tool cannot run with these settings (a missing required option), or undefined when it can. */
  skipReason?(settings: AdapterSettings): string | undefined;
  /** The tool's argument vector, without the binary. Every path in it is absolute, so none reads as an option. */
  args(ctx: AdapterArgsContext): string[];
  /** A core reader id (`readReport`'s `format`), or the id of `reader` when core has none for the format. */
  format: string;
  /** Set only when core has no reader for the tool's report format. */
  reader?: LocalReader;
  /**
   * Problems the tool recorded inside its report (files it could not parse), which the reader does not
   * turn into findings; each becomes a warning so a silent gap in coverage is visible.
   */
  reportNotes?(doc: unknown, relPath: (path: string) => string): string[];
  /** Whether an exit status means "ran" (many tools exit 1 when they found something). */
  exitOk(code: number): boolean;
}

export interface RunAdaptersContext {
  /** The directory the tools scan. */
  root: string;
  /** Finding paths are made relative to this directory (default `root`), like `scanPath`'s `reportRoot`. */
  reportRoot?: string;
  /** Scan only these files (relative to `root` or absolute) instead of the whole root. */
  files?: readonly string[];
  env: Env;
  logger: Logger;
  /** Per tool; a tool still running after this is killed and reported as failed. Default 10 minutes. */
  timeoutMs?: number;
  settings?: AdapterSettings;
  /**
   * Tools whose crash, timeout or unreadable report is a warning notification instead of a
   * `ServiceError`. A tool that is enabled but not installed is always only a warning.
   */
  optional?: readonly string[];
  /** Where temporary report files go (default the OS temp dir). */
  tmpDir?: string;
  /** Replaces the PATH lookup, for tests. */
  which?: Which;
}
