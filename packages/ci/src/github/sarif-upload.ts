import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { UserError } from '@rampart/core';
import { classifyFailure } from './http-errors.js';
import type { ActionsIO } from './io.js';
import type { GithubClient } from './octokit.js';

/** GitHub rejects a SARIF upload above 10 MB once gzipped. */
export const SARIF_MAX_GZIP_BYTES = 10 * 1024 * 1024;

export type SarifUploadResult =
  | { status: 'uploaded'; id: string; url: string | undefined; gzipBytes: number; processingStatus?: string }
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; reason: string };

export interface SarifUploadParams {
  octokit: GithubClient;
  owner: string;
  repo: string;
  /** The SARIF file's text. */
  sarif: string;
  /** For error messages only. */
  sarifPath?: string;
  ref: string;
  sha: string;
  /** Written to every run's `automationDetails.id` (as `<category>/`), so uploads of several scanners coexist. */
  category?: string;
  toolName?: string;
  /** The checkout directory, so GitHub can make absolute paths in the SARIF relative. */
  checkoutDir?: string;
  startedAt?: Date;
  io: ActionsIO;
  maxGzipBytes?: number;
  /** Poll `GET …/sarifs/:id` until processing ends; off by default since it only adds a status line. */
  waitForProcessing?: { attempts: number; intervalMs: number };
}

interface SarifRun {
  automationDetails?: { id?: unknown };
}

/**
 * Applies the category to the SARIF's runs. Text that needs no change is returned as it is, so what is
 * uploaded is byte for byte what was written to the reports directory.
 */
export function applyCategory(sarifText: string, category: string | undefined, sarifPath = 'SARIF'): string {
  let doc: unknown;
  try {
    doc = JSON.parse(sarifText);
  } catch {
    throw new UserError('the SARIF file is not JSON', { file: sarifPath, expected: 'a SARIF 2.1.0 JSON document' });
  }
  const runs = (doc as { runs?: unknown } | null)?.runs;
  if (!Array.isArray(runs)) {
    throw new UserError('the SARIF file has no runs', { file: sarifPath, field: 'runs', expected: 'an array of runs' });
  }
  if (category === undefined || category.trim() === '') return sarifText;
  const id = category.endsWith('/') ? category : `${category}/`;
  let changed = false;
  for (const run of runs as SarifRun[]) {
    if (run.automationDetails?.id === id) continue;
    run.automationDetails = { ...(run.automationDetails ?? {}), id };
    changed = true;
  }
  return changed ? JSON.stringify(doc) : sarifText;
}

/** gzip, then base64: the encoding the upload endpoint requires. */
export function encodeSarif(sarifText: string): { base64: string; gzipBytes: number } {
  const gz = gzipSync(Buffer.from(sarifText, 'utf8'));
  return { base64: gz.toString('base64'), gzipBytes: gz.length };
}

function degrade(io: ActionsIO, e: unknown): SarifUploadResult {
  const f = classifyFailure(e, true);
  if (f.kind === 'permission') {
    const reason = `the token may not upload code scanning results (HTTP ${f.status}: ${f.message}). Grant \`security-events: write\`; pull requests from forks never can. The SARIF file is in the reports directory.`;
    io.notice(`Rampart skipped the SARIF upload: ${reason}`);
    return { status: 'skipped', reason };
  }
  const reason = `HTTP ${f.status ?? 'error'}: ${f.message}`;
  io.warning(`Rampart could not upload the SARIF file: ${reason}`);
  return { status: 'failed', reason };
}

/** The upload already succeeded, so a failure to learn its processing status is only logged. */
async function pollProcessing(p: SarifUploadParams, id: string): Promise<string | undefined> {
  const wait = p.waitForProcessing;
  if (!wait) return undefined;
  let status: string | undefined;
  try {
    for (let i = 0; i < wait.attempts; i++) {
      const res = await p.octokit.rest.codeScanning.getSarif({ owner: p.owner, repo: p.repo, sarif_id: id });
      status = res.data.processing_status;
      if (status !== 'pending') break;
      await sleep(wait.intervalMs);
    }
  } catch (e) {
    p.io.info(`Could not read the SARIF processing status: ${classifyFailure(e, false).message}`);
  }
  if (status === 'failed') p.io.warning(`GitHub could not process the uploaded SARIF file (id ${id}).`);
  return status;
}

/** POST /repos/{owner}/{repo}/code-scanning/sarifs. Never throws for API failures. */
export async function uploadSarif(p: SarifUploadParams): Promise<SarifUploadResult> {
  const text = applyCategory(p.sarif, p.category, p.sarifPath);
  const { base64, gzipBytes } = encodeSarif(text);
  const max = p.maxGzipBytes ?? SARIF_MAX_GZIP_BYTES;
  if (gzipBytes > max) {
    const reason = `the SARIF file is ${gzipBytes} bytes gzipped, above GitHub's limit of ${max}; narrow the scan or raise the severity threshold.`;
    p.io.notice(`Rampart skipped the SARIF upload: ${reason}`);
    return { status: 'skipped', reason };
  }
  let uploaded: { id: string; url: string | undefined };
  try {
    const res = await p.octokit.rest.codeScanning.uploadSarif({
      owner: p.owner,
      repo: p.repo,
      commit_sha: p.sha,
      ref: p.ref,
      sarif: base64,
      ...(p.toolName ? { tool_name: p.toolName } : {}),
      ...(p.checkoutDir ? { checkout_uri: pathToFileURL(p.checkoutDir).href } : {}),
      ...(p.startedAt ? { started_at: p.startedAt.toISOString() } : {}),
    });
    uploaded = { id: res.data.id ?? '', url: res.data.url };
  } catch (e) {
    return degrade(p.io, e);
  }
  p.io.info(`Uploaded the SARIF file to code scanning (id ${uploaded.id}, ${gzipBytes} bytes gzipped).`);
  const processingStatus = await pollProcessing(p, uploaded.id);
  return { status: 'uploaded', ...uploaded, gzipBytes, ...(processingStatus ? { processingStatus } : {}) };
}
