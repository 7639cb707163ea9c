import type { Finding } from '@rampart/core';
import { emitAnnotations, type AnnotationResult } from './annotations.js';
import { classifyFailure } from './http-errors.js';
import type { ActionsIO } from './io.js';
import type { GithubClient } from './octokit.js';
import { fetchChangedLines, GITHUB_PR_FILES_LIMIT, isOnChangedLines, type ChangedLines, type DiffMode } from './pr-diff.js';
import { upsertReviewComments, type ReviewCommentsResult } from './review-comments.js';

export interface DiffAwareFeedbackArgs {
  client: GithubClient;
  owner: string;
  repo: string;
  pullNumber: number;
  /** The PR head commit (not the merge commit a `pull_request` run checks out). */
  headSha: string;
  findings: readonly Finding[];
  /** Fingerprints new against the baseline; undefined when there is no baseline: every finding is new. */
  newFingerprints?: ReadonlySet<string>;
  /** 'changed': only findings on the PR's changed lines; 'all': every finding; 'none': no annotations. */
  annotations: 'changed' | 'all' | 'none';
  reviewComments: boolean;
  maxReviewComments?: number;
  /** Which diff lines count as changed; defaults to 'added'. */
  mode?: DiffMode;
  io: ActionsIO;
}

export interface DiffAwareFeedbackResult {
  annotations: AnnotationResult;
  reviewComments: ReviewCommentsResult | { status: 'disabled' };
}

const NONE: AnnotationResult = { emitted: { error: 0, warning: 0, notice: 0 }, omitted: 0 };

/** The PR's changed lines, or the reason they could not be read (already told to the user). */
async function readDiff(args: DiffAwareFeedbackArgs): Promise<ChangedLines | string> {
  try {
    const changed = await fetchChangedLines(args.client, { owner: args.owner, repo: args.repo, pullNumber: args.pullNumber });
    if (changed.truncated) {
      args.io.notice(`Pull request #${args.pullNumber} changes at least ${GITHUB_PR_FILES_LIMIT} files, and GitHub lists no more than that: findings in the files beyond are not annotated or commented inline. The job summary has every finding.`);
    }
    return changed;
  } catch (e) {
    const f = classifyFailure(e, false);
    const reason = `the changed files of pull request #${args.pullNumber} could not be read (HTTP ${f.status ?? 'error'}: ${f.message})`;
    args.io.notice(`Rampart made no annotations or inline comments: ${reason}. The job summary has every finding.`);
    return reason;
  }
}

/**
 * The feedback a pull request gets on its diff: annotations on the changed lines only (or on every
 * finding), and inline review comments for the new findings there. Reads the PR's files once. Never
 * throws for API failures: without the diff it makes no annotations and says so.
 */
export async function diffAwareFeedback(args: DiffAwareFeedbackArgs): Promise<DiffAwareFeedbackResult> {
  const { io } = args;
  const mode = args.mode ?? 'added';
  const needDiff = args.annotations === 'changed' || args.reviewComments;
  const changed = needDiff ? await readDiff(args) : undefined;
  const diff = typeof changed === 'string' ? undefined : changed;

  let annotations = NONE;
  if (args.annotations === 'all') {
    annotations = emitAnnotations(io, args.findings);
  } else if (args.annotations === 'changed' && diff) {
    annotations = emitAnnotations(io, args.findings, undefined, (f) => isOnChangedLines(f, diff, mode));
    if (annotations.filteredOut) io.info(`${annotations.filteredOut} findings are outside the lines this pull request changed: not annotated, listed in the job summary.`);
  }
  if (annotations.omitted > 0) io.info(`${annotations.omitted} more findings are not annotated (GitHub shows 10 per type); the job summary lists them.`);

  if (!args.reviewComments) return { annotations, reviewComments: { status: 'disabled' } };
  if (!diff) return { annotations, reviewComments: { status: 'skipped', reason: typeof changed === 'string' ? changed : 'no diff', created: 0 } };
  const fresh = args.newFingerprints;
  const newFindings = fresh ? args.findings.filter((f) => fresh.has(f.fingerprint)) : args.findings;
  const reviewComments = await upsertReviewComments({
    client: args.client,
    owner: args.owner,
    repo: args.repo,
    pullNumber: args.pullNumber,
    commitId: args.headSha,
    findings: newFindings,
    changed: diff,
    mode,
    ...(args.maxReviewComments !== undefined ? { max: args.maxReviewComments } : {}),
    io,
  });
  return { annotations, reviewComments };
}
