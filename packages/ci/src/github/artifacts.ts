import { ZipError, bufferAccess, zipEntries, type ZipLimits } from '@rampart/core';
import type { GithubClient } from './octokit.js';
import { readBodyCapped } from '../http/bounded-body.js';

/*
 * Workflow runs and their artifacts, read through the REST API: how a later job (or the next pull request) gets the
 * findings an earlier run uploaded with actions/upload-artifact, without a second scan. Artifacts are read into
 * memory only; their content is untrusted (a fork's pull_request run wrote it) and callers validate it.
 */

export interface WorkflowRunSummary {
  id: number;
  event: string;
  headSha: string;
  headBranch: string | undefined;
  createdAt: string;
}

export interface ArtifactSummary {
  id: number;
  name: string;
  sizeInBytes: number;
  expired: boolean;
  createdAt: string | undefined;
}

/** Bounds for an artifact read into memory: a findings.json of 10,000 findings is a few MiB. */
export const ARTIFACT_LIMITS: ZipLimits & { maxDownloadBytes: number } = {
  maxEntries: 10_000,
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
  maxDownloadBytes: 256 * 1024 * 1024,
};

/** Successful runs of one workflow file on one branch, newest first (the API's order). */
export async function listSuccessfulRuns(
  client: GithubClient,
  p: { owner: string; repo: string; workflowFile: string; branch: string; perPage?: number },
): Promise<WorkflowRunSummary[]> {
  const res = await client.rest.actions.listWorkflowRuns({
    owner: p.owner, repo: p.repo, workflow_id: p.workflowFile, branch: p.branch, status: 'success', per_page: p.perPage ?? 20,
  });
  return res.data.workflow_runs.map((r) => ({
    id: r.id,
    event: r.event,
    headSha: r.head_sha,
    headBranch: r.head_branch ?? undefined,
    createdAt: r.created_at,
  }));
}

/** The run's artifacts called `name`, expired ones included (callers say why they skip them). */
export async function listRunArtifacts(
  client: GithubClient,
  p: { owner: string; repo: string; runId: number; name: string },
): Promise<ArtifactSummary[]> {
  const res = await client.rest.actions.listWorkflowRunArtifacts({ owner: p.owner, repo: p.repo, run_id: p.runId, name: p.name, per_page: 100 });
  return res.data.artifacts
    .filter((a) => a.name === p.name)
    .map((a) => ({ id: a.id, name: a.name, sizeInBytes: a.size_in_bytes, expired: a.expired, createdAt: a.created_at ?? undefined }));
}

async function readCapped(res: Response, max: number): Promise<Buffer> {
  const body = await readBodyCapped(res, max);
  if (body === undefined) throw new ZipError(`the artifact is more than the limit of ${max} bytes`);
  return body;
}

/**
 * The artifact's zip. GitHub answers the download with a redirect to a signed blob URL; the redirect is taken by
 * hand, with no headers, because a fetch that follows it itself keeps the Authorization header whenever the blob
 * host has the API's origin (GitHub Enterprise Server), and the token must never reach the storage.
 */
export async function downloadArtifactZip(
  client: GithubClient,
  p: { owner: string; repo: string; artifactId: number; maxBytes?: number; fetchImpl?: typeof fetch },
): Promise<Buffer> {
  const max = p.maxBytes ?? ARTIFACT_LIMITS.maxDownloadBytes;
  const res = await client.rest.actions.downloadArtifact({
    owner: p.owner, repo: p.repo, artifact_id: p.artifactId, archive_format: 'zip', request: { redirect: 'manual' },
  });
  const status = res.status as number;
  if (status >= 300 && status < 400) {
    const location = res.headers.location;
    if (!location) throw new Error(`the artifact download answered ${status} without a location`);
    const blob = await (p.fetchImpl ?? fetch)(location, { redirect: 'follow' });
    if (!blob.ok) throw Object.assign(new Error(`the artifact storage answered HTTP ${blob.status}`), { status: blob.status });
    return readCapped(blob, max);
  }
  const data = res.data as unknown;
  if (data instanceof ArrayBuffer) {
    if (data.byteLength > max) throw new ZipError(`the artifact is ${data.byteLength} bytes, more than the limit of ${max}`);
    return Buffer.from(data);
  }
  throw new Error(`the artifact download answered ${status} with no zip`);
}

export interface ArtifactFiles {
  /** Entries found, by their name in the zip. */
  files: Map<string, Buffer>;
  /** Entries that were wanted but could not be read, with the reason. */
  problems: string[];
}

/**
 * The wanted entries of an artifact zip, decompressed in memory within the limits. Matched by base name, and the
 * shallowest entry wins: an uploaded report directory holds the merged `findings.json` at its top and each
 * scanner's own one below it. Names are compared, never used as paths. A corrupt archive is a ZipError.
 */
export async function readArtifactFiles(zip: Buffer, wanted: readonly string[], limits: ZipLimits = ARTIFACT_LIMITS): Promise<ArtifactFiles> {
  const baseName = (name: string) => name.slice(name.lastIndexOf('/') + 1);
  const depth = (name: string) => name.split('/').length;
  const best = new Map<string, { name: string; data: Buffer }>();
  const problems: string[] = [];
  for await (const item of zipEntries(bufferAccess(zip), (n) => wanted.includes(baseName(n)), limits)) {
    const key = baseName(item.name);
    if (!('data' in item)) {
      problems.push(item.problem);
      continue;
    }
    const held = best.get(key);
    if (!held || depth(item.name) < depth(held.name)) best.set(key, { name: item.name, data: item.data });
  }
  return { files: new Map([...best].map(([k, v]) => [k, v.data])), problems };
}
