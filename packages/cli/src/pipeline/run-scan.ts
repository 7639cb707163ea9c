import { isAbsolute, resolve } from 'node:path';
import { UserError, type Finding, type GitlabReportType, type Notification, type RawFinding, type Tool } from '@rampart/core';
import type { CliDeps } from '../deps.js';
import { finishRun, type ReportOutcome } from './finish.js';
import { resolveSettings, type SettingFlags, type Settings } from './settings.js';

export type ScanKind = 'sast' | 'secrets' | 'scan';

/** What `rampart sast|secrets|scan` and the sast action ask for, after their own argument parsing. */
export interface ScanRequest {
  scanner: ScanKind;
  path: string;
  flags: SettingFlags;
  builtinRules: boolean;
  /** Where the built-in packs are, for bundles that ship them elsewhere (the action). */
  builtinRulesDir?: string;
  ruleDirs: string[];
  only: string[];
  exclude: string[];
  include: string[];
  shard?: string;
  changedSince?: string;
  changedLinesOnly: boolean;
  /** Secrets in git history since this ref ('' for all of it). */
  historySince?: string;
  /** Third-party tools to run too (bandit, semgrep, eslint, gitleaks). */
  with?: string[];
  semgrepConfig?: string[];
  /** `rampart scan`: the other scanners that apply (IaC, SBOM, dependencies, an image, DAST); see scan-extras.ts. */
  extras?: (ctx: ScanContext) => Promise<ScanPart[]>;
}

export interface ScanContext {
  root: string;
  settings: Settings;
  deps: CliDeps;
  startedAt: Date;
}

/** What one more scanner adds to a `rampart scan` run. */
export interface ScanPart {
  findings: readonly (RawFinding | Finding)[];
  tools: readonly Tool[];
  notifications: readonly Notification[];
  gitlabReportTypes?: readonly GitlabReportType[];
  extraFiles?: readonly { name: string; content: string }[];
  scannedResources?: readonly { method: string; url: string }[];
  ruleActions?: ReadonlyMap<string, 'fail' | 'warn'>;
}

const ANALYSES: Record<ScanKind, { code: boolean; secrets: boolean }> = {
  sast: { code: true, secrets: false },
  secrets: { code: false, secrets: true },
  scan: { code: true, secrets: true },
};

/** Written even when empty, so GitLab marks what an earlier pipeline found as resolved. */
const GITLAB_TYPES: Record<ScanKind, GitlabReportType[]> = {
  sast: ['sast'],
  secrets: ['secret_detection'],
  scan: ['sast', 'secret_detection'],
};

/** The GitLab report types a scanner's name implies, for `rampart merge --scanner`. */
export function gitlabTypesOf(scanner: string): GitlabReportType[] | undefined {
  return scanner in GITLAB_TYPES ? GITLAB_TYPES[scanner as ScanKind] : undefined;
}

export async function runScanRequest(req: ScanRequest, deps: CliDeps): Promise<ReportOutcome> {
  const root = isAbsolute(req.path) ? req.path : resolve(deps.cwd, req.path);
  if (!deps.exists(root)) throw new UserError('path not found', { file: req.path, expected: 'a directory to scan' });
  const startedAt = deps.now();
  const settings = resolveSettings(req.flags, deps);
  // Loaded here, not at start-up: the engine and its native parsers cost every other command half a second.
  const { parseShard, scanPath } = await import('@rampart/sast');
  const result = await scanPath({
    root,
    reportRoot: deps.cwd,
    analyses: ANALYSES[req.scanner],
    rules: {
      builtin: req.builtinRules,
      ...(req.builtinRulesDir ? { builtinDir: req.builtinRulesDir } : {}),
      extraDirs: req.ruleDirs.map((d) => resolve(deps.cwd, d)),
      ...(req.only.length > 0 ? { only: req.only } : {}),
    },
    walk: { exclude: req.exclude, ...(req.include.length > 0 ? { include: req.include } : {}) },
    ...(req.shard ? { shard: parseShard(req.shard) } : {}),
    ...(req.changedSince ? { changedSince: req.changedSince } : {}),
    changedLinesOnly: req.changedLinesOnly,
    ...(req.historySince !== undefined ? { secretsHistorySince: req.historySince } : {}),
    ...(req.with && req.with.length > 0
      ? { adapters: { ids: req.with, env: deps.env, ...(req.semgrepConfig ? { semgrepConfig: req.semgrepConfig } : {}) } }
      : {}),
  });
  // The other scanners of `rampart scan` come in through `extras`, which only the CLI command passes: the SAST
  // action's bundle then holds none of them (the CycloneDX library, which must stay external, above all).
  const parts = req.extras ? await req.extras({ root, settings, deps, startedAt }) : [];
  const all = <T>(pick: (p: ScanPart) => readonly T[] | undefined): T[] => parts.flatMap((p) => [...(pick(p) ?? [])]);
  const ruleActions = new Map(parts.flatMap((p) => [...(p.ruleActions ?? new Map<string, 'fail' | 'warn'>())]));
  const scanned = all((p) => p.scannedResources);
  return finishRun(
    {
      scanner: req.scanner,
      startedAt,
      findings: [...result.findings, ...all((p) => p.findings)],
      tools: [...result.tools, ...all((p) => p.tools)],
      notifications: [...result.notifications, ...all((p) => p.notifications)],
      gitlabReportTypes: [...GITLAB_TYPES[req.scanner], ...all((p) => p.gitlabReportTypes)],
      extraFiles: all((p) => p.extraFiles),
      ...(scanned.length > 0 ? { scannedResources: scanned } : {}),
      ...(ruleActions.size > 0 ? { ruleActions } : {}),
    },
    settings,
    deps,
  );
}
