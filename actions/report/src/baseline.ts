import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FindingsFile, Notification } from '@rampart/core';
import { findBaseline, type ActionsIO, type Env, type GithubClient } from '@rampart/ci';

/** What `baseline: auto` resolved to: a file for `flags.baseline`, and the sentence the summary shows. */
export interface ResolvedBaseline {
  path?: string;
  source?: string;
  notes: Notification[];
}

/** A findings file read from an artifact is written back from its validated form, never copied byte for byte. */
export function writeFindingsTemp(file: FindingsFile, env: Env): string {
  const root = env.RUNNER_TEMP || tmpdir();
  mkdirSync(root, { recursive: true });
  const dir = mkdtempSync(join(root, 'rampart-baseline-'));
  const path = join(dir, 'findings.json');
  writeFileSync(path, `${JSON.stringify(file)}\n`);
  return path;
}

/**
 * `baseline: auto` for a pull request into `baseRef`: the findings.json of the workflow's latest successful run on
 * that branch. Never fails the step; without a baseline the source says why and the gate applies to every finding.
 */
export async function autoBaseline(
  p: { client: GithubClient | undefined; owner: string; repo: string; workflowFile: string | undefined; baseRef: string; artifactName: string },
  deps: { io: ActionsIO; env: Env },
): Promise<ResolvedBaseline> {
  if (!p.client) return { source: 'no github-token to read the base branch\'s findings with', notes: [] };
  const r = await findBaseline(p.client, { owner: p.owner, repo: p.repo, workflowFile: p.workflowFile, baseRef: p.baseRef, artifactName: p.artifactName });
  if (r.found) {
    deps.io.info(`Baseline: ${r.source}.`);
    return { path: writeFindingsTemp(r.file, deps.env), source: r.source, notes: [] };
  }
  deps.io.info(`No baseline: ${r.reason}.`);
  // Something was there but unusable (or not readable): the user should act, so it is a warning in the summary too.
  const notes: Notification[] = r.warning ? [{ level: 'warning', message: `Baseline not used: ${r.reason}.` }] : [];
  return { source: r.reason, notes };
}
