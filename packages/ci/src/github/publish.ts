import type { Finding, GateVerdict } from '@rampart/core';
import type { ReviewCommentsResult } from './review-comments.js';
import type { Env } from '../env.js';
import { emitAnnotations, GITHUB_ANNOTATIONS_PER_TYPE, type AnnotationResult } from './annotations.js';
import { commentMarker, upsertStickyComment, type CommentResult } from './comment.js';
import { analysisRef, pullRequestRefsOf, readGithubContext, runUrl, type GithubContext, type ReadText } from './context.js';
import { diffAwareFeedback } from './diff-feedback.js';
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
  /**
   * One SARIF per category (`rampart/sast/`, `rampart/dependency/`…), uploaded each on its own instead of `sarif`,
   * so code scanning keeps and closes each scanner's alerts separately.
   */
  sarifs?: readonly { text: string; category: string; path?: string }[];
  options: PublishGithubOptions;
}

export interface PublishGithubOptions {
  comment: boolean;
  /** Tells this step's comment apart from other Rampart steps' comments on the PR. */
  commentId: string;
  uploadSarif: boolean;
  token?: string;
  /**
   * `true`/`false`: every finding or none, from the step log. `changed`: only findings on the lines the pull request
   * changed (read from the PR files API; every finding outside a pull request), `all`, `none`.
   */
  annotations?: boolean | 'changed' | 'all' | 'none';
  maxAnnotationsPerType?: number;
  /** Inline review comments for new findings on changed lines (a pull request, writes allowed). */
  reviewComments?: boolean;
  /** Fingerprints new against the baseline; undefined when there was none (then every finding is new). */
  newFingerprints?: ReadonlySet<string>;
  /**
   * `false`: no API writes at all (no comment, upload or review comment), as for a fork's pull request whose token
   * is read-only; reads (the PR's changed lines) still happen. `noWritesReason` is told once, in a notice.
   */
  writes?: boolean;
  noWritesReason?: string;
  /** Stage two (`workflow_run`): the pull request and commit to publish for, instead of this run's own. */
  target?: PublishTarget;
}

export interface PublishTarget {
  pullRequestNumber: number | undefined;
  /** The PR head commit: review comments and the analysis belong to it. */
  sha: string;
  /** The analysis ref, e.g. `refs/pull/7/head`. */
  ref: string;
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

type Failed = { status: 'failed'; reason: string };

export interface PublishGithubResult {
  outputs: Record<string, string>;
  summaryWritten: boolean;
  annotations: AnnotationResult;
  comment: CommentResult | Disabled | Failed;
  /** The first (or only) upload; `sarifUploads` has one per category. */
  sarifUpload: SarifUploadResult | Disabled | Failed;
  sarifUploads: { category: string | undefined; result: SarifUploadResult | Failed }[];
  reviewComments: ReviewCommentsResult | Disabled | Failed;
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
  const target = args.options.target;
  const n = target ? target.pullRequestNumber : remote.ctx.pullRequestNumber;
  if (n === undefined) {
    io.info('Not a pull request run: no PR comment.');
    return { status: 'skipped', reason: 'not a pull request' };
  }
  const link = runUrl(remote.ctx);
  const body = link ? `${args.summaryMarkdown}\n\n<sub>[Rampart run](${link})</sub>\n` : args.summaryMarkdown;
  const { owner, repo } = remote.ctx;
  return upsertStickyComment({ octokit: remote.client, owner, repo, issueNumber: n, id: args.options.commentId, body, io });
}

async function upload(
  args: PublishGithubArgs,
  sarif: { text: string; category?: string; path?: string },
  remote: Remote,
  io: ActionsIO,
): Promise<SarifUploadResult> {
  const at = args.options.target ?? analysisRef(remote.ctx);
  if (!at) {
    const reason = 'GITHUB_REF and GITHUB_SHA do not name a commit and ref to upload to';
    io.notice(`Rampart skipped the SARIF upload: ${reason}.`);
    return { status: 'skipped', reason };
  }
  const { owner, repo, workspace } = remote.ctx;
  const s = args.sarif;
  const path = sarif.path ?? args.sarifPath;
  return uploadSarif({
    octokit: remote.client, io, owner, repo, sarif: sarif.text, ref: at.ref, sha: at.sha,
    ...(path ? { sarifPath: path } : {}),
    ...(sarif.category ? { category: sarif.category } : {}),
    ...(s?.toolName ? { toolName: s.toolName } : {}),
    ...(s?.startedAt ? { startedAt: s.startedAt } : {}),
    ...(workspace ? { checkoutDir: workspace } : {}),
  });
}

/** Every SARIF to upload: one per category when given, else the single one. */
function sarifsToUpload(args: PublishGithubArgs): { text: string; category?: string; path?: string }[] {
  if (args.sarifs && args.sarifs.length > 0) return [...args.sarifs];
  if (!args.sarif) return [];
  return [{ text: args.sarif.text, ...(args.sarif.category ? { category: args.sarif.category } : {}), ...(args.sarifPath ? { path: args.sarifPath } : {}) }];
}

async function uploadAll(args: PublishGithubArgs, remote: Remote, io: ActionsIO): Promise<PublishGithubResult['sarifUploads']> {
  const all = sarifsToUpload(args);
  if (all.length === 0) {
    io.info('No SARIF file to upload.');
    return [{ category: undefined, result: { status: 'skipped', reason: 'no SARIF file' } }];
  }
  const out: PublishGithubResult['sarifUploads'] = [];
  for (const s of all) {
    out.push({ category: s.category, result: await guarded('upload the SARIF file', io, () => upload(args, s, remote, io)) });
  }
  return out;
}

/** The pull request diff feedback is about, and its head commit; undefined outside a pull request. */
function pullRequestOf(args: PublishGithubArgs, ctx: GithubContext): { number: number; headSha: string } | undefined {
  const t = args.options.target;
  if (t) return t.pullRequestNumber === undefined ? undefined : { number: t.pullRequestNumber, headSha: t.sha };
  const refs = pullRequestRefsOf(ctx.payload);
  return ctx.pullRequestNumber !== undefined && refs ? { number: ctx.pullRequestNumber, headSha: refs.headSha } : undefined;
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

type AnnotationMode = 'changed' | 'all' | 'none';

function annotationMode(o: PublishGithubOptions): AnnotationMode {
  if (o.annotations === undefined || o.annotations === true) return 'all';
  if (o.annotations === false) return 'none';
  return o.annotations;
}

const NO_ANNOTATIONS: AnnotationResult = { emitted: { error: 0, warning: 0, notice: 0 }, omitted: 0 };

function annotateFromLog(args: PublishGithubArgs, io: ActionsIO): AnnotationResult {
  const per = args.options.maxAnnotationsPerType ?? GITHUB_ANNOTATIONS_PER_TYPE;
  const annotations = emitAnnotations(io, args.findings, per);
  if (annotations.omitted > 0) {
    io.info(`${annotations.omitted} more findings are not annotated (GitHub shows ${per} per type); the job summary lists them.`);
  }
  return annotations;
}

/** The connection, or why there is none (already told in a notice naming the features it costs). */
async function remoteFor(args: PublishGithubArgs, deps: PublishGithubDeps, features: string[]): Promise<Remote | Failed | { status: 'skipped'; reason: string }> {
  const remote = await guarded('connect to GitHub', deps.io, async () => {
    const r = await connect(args, deps);
    return typeof r === 'string' ? { status: 'skipped' as const, reason: r } : { status: 'ok' as const, remote: r };
  });
  if (remote.status === 'ok') return remote.remote;
  if (remote.status === 'skipped' && features.length > 0) deps.io.notice(`Rampart skipped ${features.join(' and ')}: ${remote.reason}.`);
  return remote;
}

/**
 * Everything a Rampart action reports to GitHub after a scan: outputs, job summary, annotations (on the changed
 * lines of a pull request when asked), the sticky PR comment, inline review comments and the code scanning
 * upload(s). Returns what it did. Permission and network problems degrade to notices and warnings; only bad input
 * (an unusable comment id) throws, before anything is written. With `writes: false` nothing is written to the API.
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
  const disabled = { status: 'disabled' } as const;
  const result: PublishGithubResult = { outputs, summaryWritten, annotations: NO_ANNOTATIONS, comment: disabled, sarifUpload: disabled, sarifUploads: [], reviewComments: disabled };
  const writes = o.writes !== false;
  const mode = annotationMode(o);
  const wantComment = writes && o.comment;
  const wantUpload = writes && o.uploadSarif;
  const wantReview = writes && o.reviewComments === true;
  if (!writes && (o.comment || o.uploadSarif || o.reviewComments)) {
    io.notice(`Rampart wrote no PR comment, SARIF upload or review comments: ${o.noWritesReason ?? 'publishing is off'}.`);
  }
  // Annotations need the diff (a read) only for 'changed' in a pull request; elsewhere they come from the log alone.
  const wantDiff = (mode === 'changed' || wantReview) && (o.target ? o.target.pullRequestNumber !== undefined : true);
  if (!wantComment && !wantUpload && !wantDiff) {
    if (mode !== 'none') result.annotations = annotateFromLog(args, io);
    return result;
  }
  const features = [wantComment ? 'the PR comment' : '', wantUpload ? 'the SARIF upload' : ''].filter(Boolean);
  const remote = await remoteFor(args, deps, features);
  if (!('client' in remote)) {
    if (mode !== 'none') result.annotations = annotateFromLog(args, io);
    const skipped = { status: remote.status, reason: remote.reason } as const;
    if (wantComment) result.comment = skipped;
    if (wantUpload) result.sarifUpload = skipped;
    return result;
  }
  await feedback(args, remote, io, mode, wantReview, result);
  if (wantComment) result.comment = await guarded('write the PR comment', io, () => comment(args, remote, io));
  if (wantUpload) {
    result.sarifUploads = await uploadAll(args, remote, io);
    result.sarifUpload = result.sarifUploads[0]?.result ?? disabled;
  }
  return result;
}

/** Annotations and review comments: on the PR's changed lines when there is a pull request, else from the log. */
async function feedback(args: PublishGithubArgs, remote: Remote, io: ActionsIO, mode: AnnotationMode, review: boolean, result: PublishGithubResult): Promise<void> {
  const pr = pullRequestOf(args, remote.ctx);
  if (!pr || (mode !== 'changed' && !review)) {
    if (mode !== 'none') result.annotations = annotateFromLog(args, io);
    return;
  }
  const { owner, repo } = remote.ctx;
  const fb = await guarded('annotate the pull request', io, async () => ({
    status: 'ok' as const,
    ...(await diffAwareFeedback({
      client: remote.client, owner, repo, pullNumber: pr.number, headSha: pr.headSha, findings: args.findings,
      ...(args.options.newFingerprints ? { newFingerprints: args.options.newFingerprints } : {}),
      annotations: mode, reviewComments: review, io,
    })),
  }));
  if (fb.status === 'ok') {
    result.annotations = fb.annotations;
    result.reviewComments = fb.reviewComments;
  } else if (review) result.reviewComments = fb;
}
