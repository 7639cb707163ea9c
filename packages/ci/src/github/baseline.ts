import { parseFindingsFile, type FindingsFile } from '@rampart/core';
import { downloadArtifactZip, listRunArtifacts, listSuccessfulRuns, readArtifactFiles, type WorkflowRunSummary } from './artifacts.js';
import { classifyFailure } from './http-errors.js';
import type { GithubClient } from './octokit.js';

/*
 * A baseline without a second scan: the findings.json the same workflow uploaded on the base branch. The lookup
 * never fails the step; when there is no usable baseline it says why, and the gate applies to every finding.
 */

export const FINDINGS_FILE = 'findings.json';

export interface BaselineLookup {
  owner: string;
  repo: string;
  /** The workflow file (`security.yml`); undefined when GITHUB_WORKFLOW_REF did not name one. */
  workflowFile: string | undefined;
  baseRef: string;
  artifactName: string;
  /** Runs looked at, newest first. */
  maxRuns?: number;
}

export type BaselineResult =
  | { found: true; file: FindingsFile; runId: number; source: string }
  /** `warning`: something was there but unusable (the user should look), as opposed to simply nothing yet. */
  | { found: false; reason: string; warning: boolean };

/** Push runs first: a pull_request run on the base branch (a PR into main from main) scanned a merge commit. */
function preferPush(runs: readonly WorkflowRunSummary[]): WorkflowRunSummary[] {
  return [...runs.filter((r) => r.event === 'push'), ...runs.filter((r) => r.event !== 'push')];
}

function day(iso: string): string {
  return iso.slice(0, 10);
}

function apiReason(e: unknown, what: string): string {
  const f = classifyFailure(e, false);
  if (f.status === 403 || f.status === 404 || f.status === 401) {
    return `the token may not ${what} (HTTP ${f.status}: ${f.message}); grant the job \`actions: read\``;
  }
  return `GitHub did not answer when asked to ${what} (HTTP ${f.status ?? 'error'}: ${f.message})`;
}

/**
 * The findings.json of the latest successful run of the workflow on the base branch that uploaded the artifact.
 * Never throws for API or content problems: they become the reason.
 */
export async function findBaseline(client: GithubClient, p: BaselineLookup): Promise<BaselineResult> {
  const { owner, repo, workflowFile, baseRef, artifactName } = p;
  if (!workflowFile) return { found: false, reason: 'GITHUB_WORKFLOW_REF does not name the workflow file, so its runs on the base branch cannot be found', warning: true };
  let runs: WorkflowRunSummary[];
  try {
    runs = preferPush(await listSuccessfulRuns(client, { owner, repo, workflowFile, branch: baseRef, perPage: p.maxRuns ?? 20 }));
  } catch (e) {
    return { found: false, reason: apiReason(e, `list the runs of ${workflowFile}`), warning: true };
  }
  if (runs.length === 0) return { found: false, reason: `no successful run of ${workflowFile} on ${baseRef} yet`, warning: false };
  let expired = 0;
  for (const run of runs) {
    let artifacts;
    try {
      artifacts = await listRunArtifacts(client, { owner, repo, runId: run.id, name: artifactName });
    } catch (e) {
      return { found: false, reason: apiReason(e, `list the artifacts of run ${run.id}`), warning: true };
    }
    const usable = artifacts.find((a) => !a.expired);
    if (!usable) {
      if (artifacts.length > 0) expired++;
      continue;
    }
    const what = `${FINDINGS_FILE} in ${artifactName} of run ${run.id}`;
    let data: Buffer | undefined;
    try {
      const zip = await downloadArtifactZip(client, { owner, repo, artifactId: usable.id });
      const read = await readArtifactFiles(zip, [FINDINGS_FILE]);
      data = read.files.get(FINDINGS_FILE);
      if (!data) {
        const why = read.problems[0] ? `: ${read.problems[0]}` : '';
        return { found: false, reason: `${artifactName} of run ${run.id} on ${baseRef} has no readable ${FINDINGS_FILE}${why}`, warning: true };
      }
    } catch (e) {
      return { found: false, reason: `${artifactName} of run ${run.id} could not be downloaded or read: ${classifyFailure(e, false).message}`, warning: true };
    }
    const file = parseFindingsFile(data.toString('utf8'), what);
    if ('problem' in file) return { found: false, reason: file.problem, warning: true };
    return { found: true, file, runId: run.id, source: `${artifactName} of run ${run.id} on ${baseRef}, ${day(usable.createdAt ?? run.createdAt)}` };
  }
  const more = expired > 0 ? ` that has not expired (${expired} expired)` : '';
  return { found: false, reason: `no successful run of ${workflowFile} on ${baseRef} has a ${artifactName} artifact${more}`, warning: false };
}
