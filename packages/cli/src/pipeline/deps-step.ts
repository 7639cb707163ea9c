import { homedir } from 'node:os';
import type { Notification, RawFinding, Tool } from '@rampart/core';
import type { Inventory } from '@rampart/inventory';
import { matchPackagesDetailed, offlineSource, onlineSource, resolveCacheDir, type DistroRelease, type VulnSource } from '@rampart/vulns';
import type { CliDeps } from '../deps.js';
import { VERSION } from '../version.js';

export interface VulnSourceChoice {
  /** Only the offline mirror, never the network. */
  offline: boolean;
  /** The OSV API to query (tests and mirrors); default osv.dev. */
  osvUrl?: string;
  cacheDir?: string;
  ignoreUnfixed: boolean;
}

export interface DepsStepResult {
  findings: RawFinding[];
  notifications: Notification[];
  tool: Tool;
}

const DAY = 24 * 3600 * 1000;

export function cacheDirOf(choice: Pick<VulnSourceChoice, 'cacheDir'>, deps: CliDeps): string {
  return choice.cacheDir ?? resolveCacheDir({ env: deps.env, platform: process.platform, homedir: homedir() });
}

/** The vulnerability source and what the summary should say about it (which database, how old). */
export async function openSource(choice: VulnSourceChoice, deps: CliDeps): Promise<{ source: VulnSource; notes: Notification[] }> {
  if (!choice.offline) return { source: onlineSource(choice.osvUrl ? { baseUrl: choice.osvUrl } : {}), notes: [] };
  const source = offlineSource({ cacheDir: cacheDirOf(choice, deps), now: deps.now });
  const notes: Notification[] = [];
  for (const db of await source.databases()) {
    const days = Math.floor(db.ageMs / DAY);
    notes.push({ level: days > 7 ? 'warning' : 'note', message: `offline ${db.ecosystem} database: ${db.records} advisories, pulled ${db.pulledAt} (${days} day${days === 1 ? '' : 's'} old)` });
  }
  return { source, notes };
}

/** What an image scan adds: the image's name and OS, so OS packages match that release's advisories only. */
export interface ImageContext {
  image: string;
  distro?: DistroRelease;
}

/** Known vulnerabilities of the inventory's packages, from OSV. */
export async function runDepsStep(inventory: Inventory, choice: VulnSourceChoice, deps: CliDeps, image?: ImageContext): Promise<DepsStepResult> {
  const { source, notes } = await openSource(choice, deps);
  const kind = image ? 'container' : 'dependency';
  const tool = { name: image ? 'rampart-container' : 'rampart-deps', version: VERSION };
  const report = await matchPackagesDetailed(inventory.packages, source, {
    tool,
    kind,
    ignoreUnfixed: choice.ignoreUnfixed,
    ...(image ? { image: image.image, ...(image.distro ? { distro: image.distro } : {}) } : {}),
  });
  const skipped = report.skipped.length;
  if (skipped > 0) {
    const first = report.skipped.slice(0, 3).map((s) => `${s.subject} (${s.reason})`).join('; ');
    notes.push({ level: 'note', message: `${skipped} package(s) could not be matched: ${first}${skipped > 3 ? '; ...' : ''}` });
  }
  notes.push({ level: 'note', message: `vulnerabilities from ${source.description}: ${inventory.packages.length} packages checked` });
  return { findings: report.findings, notifications: notes, tool };
}
