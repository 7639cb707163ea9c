import type { Inventory, Package, RootComponent } from '@rampart/inventory';
import { envValue, type Env } from '../env.js';
import { analysisRef, readGithubContext, runUrl } from './context.js';
import { classifyFailure } from './http-errors.js';
import type { ActionsIO } from './io.js';
import { createOctokit, type GithubClient, type OctokitSettings } from './octokit.js';

/** One entry of a manifest's `resolved` map in the dependency submission API. */
export interface SnapshotDependency {
  package_url: string;
  relationship: 'direct' | 'indirect';
  scope: 'runtime' | 'development';
  dependencies: string[];
}

export interface SnapshotManifest {
  name: string;
  file?: { source_location: string };
  resolved: Record<string, SnapshotDependency>;
}

/** The body of POST /repos/{owner}/{repo}/dependency-graph/snapshots (version 0 of the format). */
export interface DependencySnapshot {
  version: 0;
  sha: string;
  ref: string;
  job: { correlator: string; id: string; html_url?: string };
  detector: { name: string; version: string; url: string };
  scanned: string;
  manifests: Record<string, SnapshotManifest>;
}

export interface SnapshotContext {
  sha: string;
  /** Fully qualified: `refs/heads/main`, `refs/pull/1/merge`. */
  ref: string;
  /**
   * GitHub keeps the newest snapshot per correlator and detector, so it must be stable for one workflow job and
   * differ between jobs that submit different trees: `<workflow> <job>` plus anything the user adds.
   */
  correlator: string;
  runId: string;
  htmlUrl?: string;
  detector: { name: string; version: string; url: string };
  scanned: Date;
}

function reachable(root: RootComponent, byPurl: Map<string, Package>): Package[] {
  const seen = new Set<string>();
  const queue = [...root.dependsOn];
  const out: Package[] = [];
  for (let purl = queue.shift(); purl !== undefined; purl = queue.shift()) {
    if (seen.has(purl)) continue;
    seen.add(purl);
    const pkg = byPurl.get(purl);
    if (!pkg) continue;
    out.push(pkg);
    queue.push(...pkg.dependsOn);
  }
  return out;
}

function entry(pkg: Package, direct: boolean): SnapshotDependency {
  return {
    package_url: pkg.purl,
    relationship: direct ? 'direct' : 'indirect',
    scope: pkg.dev ? 'development' : 'runtime',
    dependencies: [...pkg.dependsOn].sort(),
  };
}

function manifestOf(name: string, file: string | undefined, entries: [string, SnapshotDependency][]): SnapshotManifest {
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { name, ...(file ? { file: { source_location: file } } : {}), resolved: Object.fromEntries(entries) };
}

/**
 * One manifest per root (lockfile or manifest), holding every package reachable from it, so Dependabot can tell
 * which file to update. Packages no root reaches (installed `node_modules`, Python site-packages) go into one
 * manifest per file they were found in, because that file is where a user would look for them.
 */
export function buildDependencySnapshot(inventory: Inventory, ctx: SnapshotContext): DependencySnapshot {
  const byPurl = new Map(inventory.packages.map((p) => [p.purl, p]));
  const manifests: Record<string, SnapshotManifest> = {};
  const covered = new Set<string>();
  for (const root of inventory.roots) {
    const direct = new Set(root.dependsOn);
    const pkgs = reachable(root, byPurl);
    for (const p of pkgs) covered.add(p.purl);
    const previous = manifests[root.manifest]?.resolved ?? {};
    const entries = Object.entries(previous);
    for (const p of pkgs) if (!(p.purl in previous)) entries.push([p.purl, entry(p, direct.has(p.purl))]);
    manifests[root.manifest] = manifestOf(root.manifest, root.manifest, entries);
  }
  const orphansByFile = new Map<string, [string, SnapshotDependency][]>();
  for (const p of inventory.packages) {
    if (covered.has(p.purl)) continue;
    const file = p.locations[0] ?? `${p.ecosystem} packages`;
    const list = orphansByFile.get(file) ?? [];
    list.push([p.purl, entry(p, p.direct)]);
    orphansByFile.set(file, list);
  }
  for (const [file, entries] of orphansByFile) {
    const existing = manifests[file];
    manifests[file] = manifestOf(file, file, [...Object.entries(existing?.resolved ?? {}), ...entries]);
  }
  const sorted = Object.fromEntries(Object.entries(manifests).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    version: 0,
    sha: ctx.sha,
    ref: ctx.ref,
    job: { correlator: ctx.correlator, id: ctx.runId, ...(ctx.htmlUrl ? { html_url: ctx.htmlUrl } : {}) },
    detector: ctx.detector,
    scanned: ctx.scanned.toISOString(),
    manifests: sorted,
  };
}

export type SnapshotSubmitResult =
  | { status: 'submitted'; id: number; result: string; message: string }
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; reason: string };

/** POST /repos/{owner}/{repo}/dependency-graph/snapshots. Never throws for API failures: the SBOM is already written. */
export async function submitDependencySnapshot(p: {
  octokit: GithubClient;
  owner: string;
  repo: string;
  snapshot: DependencySnapshot;
  io: ActionsIO;
}): Promise<SnapshotSubmitResult> {
  try {
    const res = await p.octokit.rest.dependencyGraph.createRepositorySnapshot({
      owner: p.owner,
      repo: p.repo,
      ...p.snapshot,
    });
    const { id, result, message } = res.data;
    const count = Object.values(p.snapshot.manifests).reduce((n, m) => n + Object.keys(m.resolved).length, 0);
    p.io.info(`Submitted a dependency snapshot (id ${id}, ${result}): ${count} dependencies in ${Object.keys(p.snapshot.manifests).length} manifests.`);
    if (result === 'INVALID') p.io.warning(`GitHub refused the dependency snapshot as invalid: ${message}`);
    return { status: 'submitted', id, result, message };
  } catch (e) {
    const f = classifyFailure(e, true);
    if (f.kind === 'permission') {
      const reason = `the token may not submit to the dependency graph (HTTP ${f.status}: ${f.message}). Give the submitting job \`contents: write\`; pull requests from forks never can. The SBOM files are in the reports directory.`;
      p.io.notice(`Rampart skipped the dependency snapshot: ${reason}`);
      return { status: 'skipped', reason };
    }
    const reason = `HTTP ${f.status ?? 'error'}: ${f.message}`;
    p.io.warning(`Rampart could not submit the dependency snapshot: ${reason}`);
    return { status: 'failed', reason };
  }
}

export interface PublishSnapshotArgs {
  inventory: Inventory;
  token: string | undefined;
  /** Added to `<workflow> <job>`, for jobs that submit several trees (a matrix over directories). */
  correlatorSuffix?: string;
  detector: { name: string; version: string; url: string };
  scanned: Date;
}

export interface PublishSnapshotDeps {
  io: ActionsIO;
  env: Env;
  createClient?: (s: OctokitSettings) => Promise<GithubClient>;
  octokit?: Partial<OctokitSettings>;
}

/** Reads the run's context, builds the snapshot and submits it; a missing token or ref is a notice, not a failure. */
export async function publishDependencySnapshot(a: PublishSnapshotArgs, deps: PublishSnapshotDeps): Promise<SnapshotSubmitResult> {
  const token = a.token?.trim();
  if (!token) {
    const reason = 'no github-token was given';
    deps.io.notice(`Rampart skipped the dependency snapshot: ${reason}.`);
    return { status: 'skipped', reason };
  }
  const ctx = readGithubContext(deps.env);
  const at = analysisRef(ctx);
  if (!at) {
    const reason = 'GITHUB_REF and GITHUB_SHA do not name a commit and ref';
    deps.io.notice(`Rampart skipped the dependency snapshot: ${reason}.`);
    return { status: 'skipped', reason };
  }
  const base = [envValue(deps.env, 'GITHUB_WORKFLOW'), envValue(deps.env, 'GITHUB_JOB')].filter(Boolean).join(' ');
  const correlator = [base || 'rampart', a.correlatorSuffix?.trim()].filter(Boolean).join(' ');
  const link = runUrl(ctx);
  const snapshot = buildDependencySnapshot(a.inventory, {
    ...at,
    correlator,
    runId: ctx.runId ?? '0',
    ...(link ? { htmlUrl: link } : {}),
    detector: a.detector,
    scanned: a.scanned,
  });
  const client = await (deps.createClient ?? createOctokit)({ ...deps.octokit, token, apiUrl: ctx.apiUrl, io: deps.io });
  return submitDependencySnapshot({ octokit: client, owner: ctx.owner, repo: ctx.repo, snapshot, io: deps.io });
}
