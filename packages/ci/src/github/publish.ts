import type { Finding, GateVerdict } from '@rampart/core';
import type { Env } from '../env.js';
import { emitAnnotations, GITHUB_ANNOTATIONS_PER_TYPE, type AnnotationResult } from './annotations.js';
import { commentMarker, upsertStickyComment, type CommentResult } from './comment.js';
import { analysisRef, readGithubContext, runUrl, type GithubContext, type ReadText } from './context.js';
import type { ActionsIO } from './io.js';
import { createOctokit, type GithubClient, type OctokitSettings } from './octokit.js';
import { countBySeverity, setRunOutputs, writeJobSummary, type SeverityCounts } from './outputs.js';
import { uploadSarif, type SarifUploadResult } from './sarif-upload.js';

export interface PublishGithubArgs {
  /** The Markdown the core writer made: the job summary and the PR comment body. */
  summaryMarkdown: string;
  findings: readonly Finding[];
  /** Defaults to the unsuppressed findings counted per severity. */
  counts?: SeverityCounts;
  /** Defaults to the total of `counts`. */
  newCount?: number;
  gate: GateVerdict | 'passed' | 'failed';
  reportDir?: string;
  sarifPath?: string;
  /** Further report files by output name. */
  reports?: Readonly<Record<string, string>>;
  /** The SARIF to upload to code scanning. */
  sarif?: { text: string; category?: string; toolName?: string; startedAt?: Date };
  options: {
    comment: boolean;
    /** Tells this step's comment apart from other Rampart steps' comments on the PR. */
    commentId: string;
    uploadSarif: boolean;
    token?: string;
    annotations?: boolean;
    maxAnnotationsPerType?: number;
  };
}

export interface PublishGithubDeps {
  io: ActionsIO;
  env: Env;
  readText?: ReadText;
  /** Retry/throttle tuning; tests shrink the waits. */
  octokit?: Partial<Omit<OctokitSettings, 'token' | 'apiUrl' | 'io'>>;
  createClient?: (settings: OctokitSettings) => Promise<GithubClient>;
}

export type Disabled = { status: 'disabled' };

export interface PublishGithubResult {
  outputs: Record<string, string>;
  summaryWritten: boolean;
  annotations: AnnotationResult;
  comment: CommentResult | Disabled;
  sarifUpload: SarifUploadResult | Disabled;
}

interface Remote {
  ctx: GithubContext;
  client: GithubClient;
}

/** The context and client both network features need; undefined (with a message) when they cannot run. */
async function connect(args: PublishGithubArgs, deps: PublishGithubDeps): Promise<Remote | string> {
  const token = args.options.token?.trim();
  if (!token) return 'no token was given';
  let ctx: GithubContext;
  try {
    ctx = readGithubContext(deps.env, deps.readText);
  } catch (e) {
    return `the workflow context could not be read: ${(e as Error).message}`;
  }
  const create = deps.createClient ?? createOctokit;
  const client = await create({ ...deps.octokit, token, apiUrl: ctx.apiUrl, io: deps.io });
  return { ctx, client };
}

async function comment(args: PublishGithubArgs, remote: Remote, io: ActionsIO): Promise<CommentResult> {
  const n = remote.ctx.pullRequestNumber;
  if (n === undefined) {
    io.info('Not a pull request run: no PR comment.');
    return { status: 'skipped', reason: 'not a pull request' };
  }
  const link = runUrl(remote.ctx);
  const body = link ? `${args.summaryMarkdown}\n\n<sub>[Rampart run](${link})</sub>\n` : args.summaryMarkdown;
  const { owner, repo } = remote.ctx;
  return upsertStickyComment({ octokit: remote.client, owner, repo, issueNumber: n, id: args.options.commentId, body, io });
}

async function upload(args: PublishGithubArgs, remote: Remote, io: ActionsIO): Promise<SarifUploadResult> {
  if (!args.sarif) {
    io.info('No SARIF file to upload.');
    return { status: 'skipped', reason: 'no SARIF file' };
  }
  const at = analysisRef(remote.ctx);
  if (!at) {
    const reason = 'GITHUB_REF and GITHUB_SHA do not name a commit and ref to upload to';
    io.notice(`Rampart skipped the SARIF upload: ${reason}.`);
    return { status: 'skipped', reason };
  }
  const { owner, repo, workspace } = remote.ctx;
  const s = args.sarif;
  return uploadSarif({
    octokit: remote.client, io, owner, repo, sarif: s.text, ref: at.ref, sha: at.sha,
    ...(args.sarifPath ? { sarifPath: args.sarifPath } : {}),
    ...(s.category ? { category: s.category } : {}),
    ...(s.toolName ? { toolName: s.toolName } : {}),
    ...(s.startedAt ? { startedAt: s.startedAt } : {}),
    ...(workspace ? { checkoutDir: workspace } : {}),
  });
}

/** Runs one network feature; anything unexpected becomes a warning, since the scan result matters more. */
async function guarded<T extends { status: string }>(what: string, io: ActionsIO, fn: () => Promise<T>): Promise<T | { status: 'failed'; reason: string }> {
  try {
    return await fn();
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    io.warning(`Rampart could not ${what}: ${reason}`);
    return { status: 'failed', reason };
  }
}

/**
 * Everything a Rampart action reports to GitHub after a scan: outputs, job summary, annotations, the
 * sticky PR comment and the code scanning upload. Returns what it did. Permission and network problems
 * degrade to notices and warnings; only bad input (an unusable comment id) throws, before anything is written.
 */
export async function publishGithub(args: PublishGithubArgs, deps: PublishGithubDeps): Promise<PublishGithubResult> {
  const { io } = deps;
  const o = args.options;
  if (o.comment) commentMarker(o.commentId);
  if (o.token) io.setSecret(o.token);
  const counts = args.counts ?? countBySeverity(args.findings);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const outputs = setRunOutputs(io, {
    counts, newCount: args.newCount ?? total, gate: args.gate,
    ...(args.sarifPath ? { sarifPath: args.sarifPath } : {}),
    ...(args.reportDir ? { reportDir: args.reportDir } : {}),
    ...(args.reports ? { reports: args.reports } : {}),
  });
  const summaryWritten = await writeJobSummary(io, args.summaryMarkdown);
  let annotations: AnnotationResult = { emitted: { error: 0, warning: 0, notice: 0 }, omitted: 0 };
  if (o.annotations !== false) {
    annotations = emitAnnotations(io, args.findings, o.maxAnnotationsPerType ?? GITHUB_ANNOTATIONS_PER_TYPE);
    if (annotations.omitted > 0) {
      io.info(`${annotations.omitted} more findings are not annotated (GitHub shows ${o.maxAnnotationsPerType ?? GITHUB_ANNOTATIONS_PER_TYPE} per type); the job summary lists them.`);
    }
  }
  const result: PublishGithubResult = { outputs, summaryWritten, annotations, comment: { status: 'disabled' }, sarifUpload: { status: 'disabled' } };
  if (!o.comment && !o.uploadSarif) return result;
  const remote = await guarded('connect to GitHub', io, async () => {
    const r = await connect(args, deps);
    return typeof r === 'string' ? { status: 'skipped' as const, reason: r } : { status: 'ok' as const, remote: r };
  });
  if (remote.status !== 'ok') {
    const reason = remote.reason;
    const features = [o.comment ? 'the PR comment' : '', o.uploadSarif ? 'the SARIF upload' : ''].filter(Boolean);
    if (remote.status === 'skipped') io.notice(`Rampart skipped ${features.join(' and ')}: ${reason}.`);
    const skipped = { status: remote.status, reason } as const;
    if (o.comment) result.comment = skipped;
    if (o.uploadSarif) result.sarifUpload = skipped;
    return result;
  }
  if (o.comment) result.comment = await guarded('write the PR comment', io, () => comment(args, remote.remote, io));
  if (o.uploadSarif) result.sarifUpload = await guarded('upload the SARIF file', io, () => upload(args, remote.remote, io));
  return result;
}
