import { isAbsolute, resolve } from 'node:path';
import { UserError, type GitlabReportType, type Notification, type RawFinding, type Tool } from '@rampart/core';
import { IAC_TOOL } from '@rampart/iac';
import { catalog, nodeFs } from '@rampart/inventory';
import { parseShard, scanPath } from '@rampart/sast';
import type { CliDeps } from '../deps.js';
import type { DastRequest } from './run-dast.js';
import type { ScanDepsChoice } from './scan-deps.js';
import { finishRun, type ReportOutcome } from './finish.js';
import { absoluteOutDir, resolveSettings, type SettingFlags } from './settings.js';

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
  /** `rampart scan` also inventories the tree and writes the SBOMs (off with --no-sbom). */
  sbom?: boolean;
  /** `rampart scan --target`: also a DAST scan of the running app. */
  dast?: DastRequest;
  /** `rampart scan`: dependency scanning of the same inventory (see scanDeps for when it runs). */
  deps?: ScanDepsChoice;
  /** `rampart scan --image`: also a container scan of the image. */
  image?: string;
  /** `rampart scan`: also the IaC scan of the tree (off with --no-iac). */
  iac?: boolean;
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
  // Loaded only when asked for: the SAST action's bundle leaves the CycloneDX library out.
  const sbom = req.sbom
    ? await (await import('./sbom-step.js')).runSbomStep(
        {
          root,
          outDir: absoluteOutDir(settings.outDir, deps),
          format: 'both',
          specVersion: '1.6',
          licensePolicy: settings.licensePolicy,
        },
        deps,
      )
    : undefined;
  let vuln: { findings: RawFinding[]; tools: Tool[]; notifications: Notification[] } | undefined;
  if (req.deps) {
    const inventory = sbom?.inventory ?? (await catalog(nodeFs(root)));
    const r = await (await import('./scan-deps.js')).scanDeps(inventory, req.deps, deps);
    vuln = 'skipped' in r ? { findings: [], tools: [], notifications: [r.skipped] } : { findings: r.findings, tools: [r.tool], notifications: r.notifications };
  }
  const iac = req.iac ? (await import('./run-iac.js')).runIacStep(root, deps) : undefined;
  const container = req.image
    ? await (await import('./run-container.js')).runContainerStep(
        { source: { kind: 'registry', reference: req.image }, sbom: false, offline: req.deps?.offline ?? false, ignoreUnfixed: req.deps?.ignoreUnfixed ?? false, ...(req.deps?.osvUrl ? { osvUrl: req.deps.osvUrl } : {}), ...(req.deps?.cacheDir ? { cacheDir: req.deps.cacheDir } : {}) },
        deps,
        startedAt,
      )
    : undefined;
  const dast = req.dast ? await (await import('./run-dast.js')).runDastStep(req.dast, deps) : undefined;
  return finishRun(
    {
      scanner: req.scanner,
      startedAt,
      findings: [...result.findings, ...(iac?.findings ?? []), ...(sbom?.findings ?? []), ...(vuln?.findings ?? []), ...(container?.findings ?? []), ...(dast?.findings ?? [])],
      tools: [...result.tools, ...(iac ? [{ ...IAC_TOOL }] : []), ...(sbom ? [sbom.tool] : []), ...(vuln?.tools ?? []), ...(container ? [container.tool] : []), ...(dast ? [dast.tool] : [])],
      notifications: [
        ...result.notifications,
        ...(iac?.notifications ?? []),
        ...(sbom?.notifications ?? []),
        ...(vuln?.notifications ?? []),
        ...(container?.notifications ?? []),
        ...(dast?.notifications ?? []),
      ],
      gitlabReportTypes: [
        ...GITLAB_TYPES[req.scanner],
        ...(vuln && vuln.tools.length > 0 ? (['dependency_scanning'] as const) : []),
        ...(container ? (['container_scanning'] as const) : []),
        ...(dast ? (['dast'] as const) : []),
      ],
      extraFiles: [...(sbom?.files ?? []), ...(dast?.extraFiles ?? [])],
      ...(dast ? { scannedResources: dast.scannedResources, ruleActions: dast.ruleActions } : {}),
    },
    settings,
    deps,
  );
}
