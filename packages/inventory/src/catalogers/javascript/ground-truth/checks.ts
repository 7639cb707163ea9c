/** What the ground-truth test checks with, beside what it compares (listings.ts) and how it runs managers (tools.ts). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordingLogger } from '@rampart/core';
import { expect } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { Cataloger, CatalogResult } from '../../../cataloger.js';
import { nodeFs } from '../../../fs/node.js';
import { mergePackages } from '../../../merge.js';
import { nodeModulesCataloger } from '../node-modules/index.js';
import { npmLockCataloger } from '../npm-lock/index.js';
import { reachable } from '../reachability.js';
import { graphOf, ROOT, type Graph } from './listings.js';
import { PLATFORM_ONLY } from './project.js';
import { BIN, CACHE, run, writeProject } from './tools.js';

export async function catalogFile(cataloger: Cataloger, dir: string, path: string): Promise<CatalogResult> {
  const fs = nodeFs(dir);
  expect(cataloger.claims(path)).toBe(true);
  return cataloger.catalog({ path, text: () => fs.readText(path), fs, logger: recordingLogger() });
}

/**
 * Packages a lockfile records but the platform did not install (fsevents on Linux, and what only it pulls in, such
 * as the node-gyp yarn berry adds to it): they belong in an SBOM of the lockfile, so they are kept, but each must be
 * optional and reachable from the project only through a dependency that exists only on other platforms.
 */
export function platformSkipped(result: CatalogResult, theirs: Graph, { listsThem }: { listsThem: boolean }): Set<string> {
  const ours = graphOf(result);
  const next = new Map<string, string[]>();
  for (const edge of ours.edges) {
    const [from = '', to = ''] = edge.split('>');
    if (PLATFORM_ONLY.has(to.slice(0, to.lastIndexOf('@')))) continue;
    next.set(from, [...(next.get(from) ?? []), to]);
  }
  const onThisPlatform = reachable([ROOT], next);
  const extra = result.packages.filter((p) => !theirs.packages.has(`${p.name}@${p.version}`));
  for (const p of extra) {
    expect(p.optional, `${p.purl} is only in the lockfile`).toBe(true);
    expect(onThisPlatform.has(`${p.name}@${p.version}`), `${p.purl} is only in the lockfile`).toBe(false);
  }
  // pnpm and npm 6 list what they skipped; npm 10 and the trees yarn installs do not.
  if (listsThem) expect(extra).toEqual([]);
  else expect(extra.map((p) => p.name)).toEqual(expect.arrayContaining([...PLATFORM_ONLY]));
  return new Set(extra.map((p) => `${p.name}@${p.version}`));
}

/** Every installed package.json under `dir` that the installed-package cataloger claims, as one result. */
export async function catalogInstalled(dir: string): Promise<CatalogResult> {
  const fs = nodeFs(dir);
  const packages = [];
  for await (const path of fs.walk()) {
    if (!nodeModulesCataloger.claims(path)) continue;
    const result = await nodeModulesCataloger.catalog({ path, text: () => fs.readText(path), fs, logger: recordingLogger() });
    expect(result.problems ?? []).toEqual([]);
    packages.push(...result.packages);
  }
  return { packages: mergePackages(packages) };
}

/**
 * pnpm 8 still wrote its own verdicts into each package: `dev: true` (dev only), `dev: false` (production only),
 * none (both), and `optional: true` when every path to it, dev ones included, is optional. Ours come from
 * reachability: dev exactly when pnpm says dev only; and a package pnpm calls optional is one a production install
 * can go without, so ours is optional or dev.
 */
export function expectPnpmFlags(result: CatalogResult, lockText: string): void {
  const lock = parseYaml(lockText) as { packages: Record<string, { dev?: boolean; optional?: boolean }> };
  const ours = new Map(result.packages.map((p) => [`${p.name}@${p.version}`, p]));
  let optional = 0;
  for (const [key, entry] of Object.entries(lock.packages)) {
    const p = ours.get(key.slice(1).replace(/\(.*$/, ''));
    expect(p?.dev, `${key} dev`).toBe(entry.dev === true);
    if (entry.optional) {
      expect(p?.optional === true || p?.dev === true, `${key} optional`).toBe(true);
      optional++;
    }
  }
  expect(ours.size).toBeGreaterThan(100);
  expect(optional).toBeGreaterThan(0);
}

/**
 * npm flags each package dev, optional or both itself; yarn does not, and ours come from reachability. On the same
 * project they must agree for every name@version both resolved (npm's devOptional counts as optional, not dev).
 */
export function expectNpmFlags(result: CatalogResult, npm: CatalogResult): void {
  const theirs = new Map(npm.packages.map((p) => [p.purl, p]));
  let compared = 0;
  for (const p of result.packages) {
    const t = theirs.get(p.purl);
    if (!t) continue;
    expect({ purl: p.purl, dev: p.dev, optional: p.optional ?? false }).toEqual({ purl: t.purl, dev: t.dev, optional: t.optional ?? false });
    compared++;
  }
  expect(compared).toBeGreaterThan(100);
}

/** npm's own dev/optional verdicts for a project, to check the ones yarn leaves to us to compute. */
export async function npmVerdictFor(manifest: string): Promise<CatalogResult> {
  const dir = newDir('npm-verdict');
  writeProject(dir, { 'package.json': manifest });
  await run(BIN('npm'), ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund', '--cache', join(CACHE, 'npm')], dir);
  return catalogFile(npmLockCataloger, dir, 'package-lock.json');
}

/** Yarn 4 with node_modules (so the tree can be compared), no scripts, and a cache shared between runs. */
export function berryRc(): string {
  const lines = ['nodeLinker: node-modules', 'enableScripts: false', 'enableTelemetry: false', 'enableGlobalCache: false'];
  return `${[...lines, `cacheFolder: ${JSON.stringify(join(CACHE, 'yarn-berry'))}`].join('\n')}\n`;
}

/** Project folders made by this run; the installs' caches (CACHE) are kept for the next run. */
const made: string[] = [];

export function removeMadeDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function newDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `rampart-gt-${name}-`));
  made.push(dir);
  return dir;
}
