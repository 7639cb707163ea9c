import { readFile } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { silentLogger, type Logger, type Notification, type RawFinding, type Tool } from '@rampart/core';
import { languageOf } from '../engine/languages.js';
import { scanFiles } from '../engine/scan-files.js';
import { SAST_TOOL } from '../engine/tool.js';
import { loadRules, type LoadRulesOptions } from '../rules/index.js';
import { scanSecrets, scanSecretsInHistory } from '../secrets/index.js';
import { changedLines, onChangedLines, type Shard, type WalkOptions } from '../walk/index.js';
import { runAdapters } from '../adapters/index.js';
import { selectFiles, type SelectedFile } from './files.js';
import { preferTaint } from './prefer-taint.js';

export interface ScanPathOptions {
  root: string;
  reportRoot?: string;
  /** Which analyses run: code rules, secrets, or both. */
  analyses: { code: boolean; secrets: boolean };
  rules?: LoadRulesOptions;
  walk?: WalkOptions;
  shard?: Shard;
  changedSince?: string;
  /** With changedSince: report only findings on changed lines, not every finding in a changed file. */
  changedLinesOnly?: boolean;
  secretAllowPaths?: string[];
  /** Also scan lines added to git history since this ref (`''` for the whole history) for secrets. */
  secretsHistorySince?: string;
  /** Third-party tools to run as well (bandit, semgrep, eslint, gitleaks), merged through the core readers. */
  adapters?: { ids: string[]; env: Record<string, string | undefined>; semgrepConfig?: string[] };
  logger?: Logger;
}

export interface ScanPathResult {
  findings: RawFinding[];
  tools: Tool[];
  notifications: Notification[];
  filesScanned: number;
  rulesRun: number;
}

async function secretsIn(files: readonly SelectedFile[], allowPaths: string[] | undefined): Promise<RawFinding[]> {
  const out: RawFinding[] = [];
  for (const f of files) {
    const text = await readFile(f.absPath, 'utf8');
    for (const finding of scanSecrets(text, f.path, allowPaths ? { allowPaths } : {})) out.push(finding);
  }
  return out;
}

/** `rampart sast` / `rampart secrets` / `rampart scan` on a directory: select files, run the analyses. */
export async function scanPath(opts: ScanPathOptions): Promise<ScanPathResult> {
  const logger = opts.logger ?? silentLogger;
  const selection = await selectFiles({
    root: opts.root,
    ...(opts.reportRoot ? { reportRoot: opts.reportRoot } : {}),
    ...(opts.walk ? { walk: opts.walk } : {}),
    ...(opts.shard ? { shard: opts.shard } : {}),
    ...(opts.changedSince ? { changedSince: opts.changedSince } : {}),
  });
  const notifications: Notification[] = [];
  const findings: RawFinding[] = [];
  let rulesRun = 0;
  if (opts.analyses.code) {
    const rules = loadRules(opts.rules ?? {});
    rulesRun = rules.length;
    const code = selection.files.filter((f) => languageOf(f.path) !== undefined);
    const result = await scanFiles(code, rules, { logger });
    findings.push(...preferTaint(result.findings));
    for (const e of result.errors) notifications.push({ level: 'warning', message: `${e.path}: not scanned: ${e.message}` });
  }
  if (opts.analyses.secrets) findings.push(...(await secretsIn(selection.files, opts.secretAllowPaths)));
  if (opts.analyses.secrets && opts.secretsHistorySince !== undefined) {
    const since = opts.secretsHistorySince === '' ? undefined : opts.secretsHistorySince;
    findings.push(
      ...(await scanSecretsInHistory(opts.root, since, {
        field: '--history-since',
        ...(opts.secretAllowPaths ? { allowPaths: opts.secretAllowPaths } : {}),
      })),
    );
  }
  const tools: Tool[] = [{ ...SAST_TOOL }];
  if (opts.adapters && opts.adapters.ids.length > 0) {
    const ran = await runAdapters(opts.adapters.ids, {
      root: opts.root,
      ...(opts.reportRoot ? { reportRoot: opts.reportRoot } : {}),
      files: selection.files.map((f) => f.absPath),
      env: opts.adapters.env,
      logger,
      ...(opts.adapters.semgrepConfig ? { settings: { semgrepConfig: opts.adapters.semgrepConfig } } : {}),
    });
    findings.push(...ran.findings);
    tools.push(...ran.tools);
    notifications.push(...ran.notifications);
  }
  let kept = findings;
  if (opts.changedSince && opts.changedLinesOnly) {
    const lines = await changedLines(opts.root, opts.changedSince);
    // git's paths are relative to the scan root; finding paths to the report root above it.
    const prefix = relative(opts.reportRoot ?? opts.root, opts.root).split(sep).join('/');
    const gitPath = (p: string) => (prefix && p.startsWith(`${prefix}/`) ? p.slice(prefix.length + 1) : p);
    kept = findings.filter(
      (f) => f.location.type !== 'source' || onChangedLines(gitPath(f.location.path), f.location.startLine ?? 0, lines),
    );
  }
  logger.info(`scanned ${selection.files.length} files (${selection.skipped} skipped, ${selection.outOfShard} in other shards)`);
  return { findings: kept, tools, notifications, filesScanned: selection.files.length, rulesRun };
}
