import {
  FINDINGS_FILE,
  PULL_REQUEST_FILE,
  confirmPullRequest,
  downloadArtifactZip,
  listRunArtifacts,
  parsePullRequestFile,
  readArtifactFiles,
  type Env,
  type GithubClient,
  type TriggeringRun,
} from '@rampart/ci';
import { parseFindingsFile } from '@rampart/core';
import { writeFindingsTemp } from './baseline.js';

/*
 * Stage two of the fork-safe flow: a `workflow_run` job with a write token publishes what the pull_request run
 * found. The artifact was written by that run, maybe from a fork's code, so only two files are read from it (never
 * its summary or SARIF), both are validated, and the pull request number is believed only once the API confirms
 * that its head is the triggering run's commit.
 */

export interface TriggeringFindings {
  /** The validated findings, written to a temp file for the report pipeline. */
  findingsPath: string;
  /** The confirmed pull request; undefined when there is none to publish on (`why` says why). */
  pullRequest: { number: number; baseRef: string } | undefined;
  why?: string;
}

export async function loadTriggeringRun(
  client: GithubClient,
  p: { owner: string; repo: string; run: TriggeringRun; artifactName: string },
  env: Env,
): Promise<TriggeringFindings | { skip: string }> {
  const { owner, repo, run, artifactName } = p;
  const artifact = (await listRunArtifacts(client, { owner, repo, runId: run.id, name: artifactName })).find((a) => !a.expired);
  if (!artifact) return { skip: `run ${run.id} uploaded no ${artifactName} artifact (did it stop before the upload step?)` };
  const zip = await downloadArtifactZip(client, { owner, repo, artifactId: artifact.id });
  const { files } = await readArtifactFiles(zip, [FINDINGS_FILE, PULL_REQUEST_FILE]);
  const data = files.get(FINDINGS_FILE);
  if (!data) return { skip: `${artifactName} of run ${run.id} holds no ${FINDINGS_FILE}` };
  const parsed = parseFindingsFile(data.toString('utf8'), `${FINDINGS_FILE} in ${artifactName} of run ${run.id}`);
  if ('problem' in parsed) return { skip: parsed.problem };
  const findingsPath = writeFindingsTemp(parsed, env);
  const prText = files.get(PULL_REQUEST_FILE);
  if (!prText) return { findingsPath, pullRequest: undefined, why: `${artifactName} of run ${run.id} names no pull request (${PULL_REQUEST_FILE})` };
  const claimed = parsePullRequestFile(prText.toString('utf8'));
  if ('problem' in claimed) return { findingsPath, pullRequest: undefined, why: claimed.problem };
  if (claimed.repository.toLowerCase() !== `${owner}/${repo}`.toLowerCase()) {
    return { findingsPath, pullRequest: undefined, why: `${PULL_REQUEST_FILE} names repository ${claimed.repository}, not ${owner}/${repo}` };
  }
  // The head sha compared is the event's (GitHub's word), not the file's.
  const confirmed = await confirmPullRequest(client, { owner, repo, number: claimed.number, headSha: run.headSha });
  if (!confirmed.confirmed) return { findingsPath, pullRequest: undefined, why: confirmed.reason };
  return { findingsPath, pullRequest: { number: confirmed.number, baseRef: confirmed.baseRef } };
}
