import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HEAD_SHA, pullRequest } from '../../test/fixtures/diff-feedback/pr.js';
import { githubTestBed, type GithubTestBed } from '../../test/support/github.js';
import { makeFinding } from '../../test/support/make-finding.js';
import type { ChangedLines } from './pr-diff.js';
import { commentTarget, findingMarker, reviewCommentBody, upsertReviewComments, type ReviewCommentsParams } from './review-comments.js';

const src = (path: string, startLine: number, endLine = startLine) => ({ type: 'source' as const, path, startLine, endLine });

describe('reviewCommentBody', () => {
  it('escapes finding text: no HTML, no @mentions, no links', () => {
    const f = makeFinding({
      severity: 'critical',
      title: '<img src=x onerror=alert(1)> ping @octocat',
      message: 'see [here](https://evil.test) and <!-- rampart:finding:other -->',
      ruleId: 'js.<b>rule</b>',
      fix: { summary: '@team please <script>' },
      identifiers: [{ type: 'cwe', value: 'CWE-79' }],
    });
    const body = reviewCommentBody(f);
    const [marker, ...rest] = body.split('\n');
    expect(marker).toBe(findingMarker(f.fingerprint));
    const text = rest.join('\n');
    expect(text).not.toMatch(/<(img|b|script|!--)/);
    expect(text).not.toMatch(/@(octocat|team)/);
    expect(text).not.toContain('](https://');
    expect(text).toContain('Critical');
    expect(text).toContain('CWE\\-79');
    // Only the finding's own marker: an injected one is escaped, so it cannot claim another finding.
    expect(body.match(/<!-- rampart:finding:/g)).toHaveLength(1);
  });

  it('hashes a fingerprint that could break out of the HTML comment, stably', () => {
    expect(findingMarker('abc123:def')).toBe('<!-- rampart:finding:abc123:def -->');
    const evil = findingMarker('x --> <img src=x>');
    expect(evil).toMatch(/^<!-- rampart:finding:sha256-[0-9a-f]{64} -->$/);
    expect(findingMarker('x --> <img src=x>')).toBe(evil);
  });
});

describe('commentTarget', () => {
  // Hunks: 1-7 (added 2, 5, 6) and 22-25 (added 23).
  const changed: ChangedLines = {
    files: new Map([
      ['a.ts', { added: new Set([2, 5, 6, 23]), context: new Set([1, 3, 4, 7, 22, 24, 25]) }],
      ['big.ts', { added: new Set(), context: new Set(), wholeFile: true }],
    ]),
    truncated: false,
  };
  const target = (startLine: number, endLine: number, mode: 'added' | 'context' = 'added', path = 'a.ts') =>
    commentTarget(makeFinding({ location: src(path, startLine, endLine) }), changed, mode);

  it('clips a range to the last hunk holding a changed line', () => {
    expect(target(5, 5)).toEqual({ path: 'a.ts', line: 5 });
    expect(target(4, 30)).toEqual({ path: 'a.ts', line: 25, startLine: 22 });
    expect(target(3, 10)).toEqual({ path: 'a.ts', line: 7, startLine: 3 });
    expect(target(24, 25)).toBeUndefined();
    expect(target(24, 25, 'context')).toEqual({ path: 'a.ts', line: 25, startLine: 24 });
    expect(target(10, 20, 'context')).toBeUndefined();
  });

  it('targets the whole file for a new file without a patch, a finding without a line, or a changed lockfile', () => {
    expect(target(1, 1, 'added', 'big.ts')).toEqual({ path: 'big.ts', file: true });
    expect(commentTarget(makeFinding({ location: { type: 'source', path: 'a.ts' } }), changed, 'added')).toEqual({ path: 'a.ts', file: true });
    expect(commentTarget(makeFinding({ location: { type: 'source', path: 'b.ts' } }), changed, 'added')).toBeUndefined();
    const dep = makeFinding({ kind: 'dependency', location: { type: 'package', name: 'x', file: './a.ts' } });
    expect(commentTarget(dep, changed, 'added')).toEqual({ path: 'a.ts', file: true });
    const image = makeFinding({ kind: 'container', location: { type: 'package', name: 'x', image: 'app:1' } });
    expect(commentTarget(image, changed, 'context')).toBeUndefined();
  });
});

describe('upsertReviewComments and the fake pull request endpoints', () => {
  let bed: GithubTestBed;
  beforeEach(async () => {
    bed = await githubTestBed();
    bed.gh.addPullRequest(pullRequest({ fork: true, headRepo: 'mallory/shop' }));
  });
  afterEach(async () => {
    await bed.gh.close();
  });

  const changed: ChangedLines = { files: new Map([['src/app.ts', { added: new Set([2, 5, 6, 23]), context: new Set([1, 3, 4, 7, 22, 24, 25]) }]]), truncated: false };
  const params = (over: Partial<ReviewCommentsParams>): ReviewCommentsParams => ({
    client: bed.octokit, owner: 'acme', repo: 'shop', pullNumber: 7, commitId: HEAD_SHA, findings: [], changed, mode: 'added', io: bed.io, ...over,
  });

  it('serves the pull request with its head, base and fork flag', async () => {
    const { data } = await bed.octokit.rest.pulls.get({ owner: 'acme', repo: 'shop', pull_number: 7 });
    expect(data).toMatchObject({ number: 7, state: 'open', head: { sha: HEAD_SHA, repo: { full_name: 'mallory/shop', fork: true } }, base: { ref: 'main', repo: { full_name: 'acme/shop' } } });
    await expect(bed.octokit.rest.pulls.get({ owner: 'acme', repo: 'shop', pull_number: 8 })).rejects.toMatchObject({ status: 404 });
  });

  it('lists files with patches, keeping the new name of a renamed file', async () => {
    const files = await bed.octokit.paginate(bed.octokit.rest.pulls.listFiles, { owner: 'acme', repo: 'shop', pull_number: 7, per_page: 2 });
    expect(files.map((f) => f.filename)).toEqual(['src/app.ts', 'package-lock.json', 'src/generated.ts', 'src/old.ts', 'src/renamed.ts']);
    expect(files[4]).toMatchObject({ status: 'renamed', previous_filename: 'src/before.ts', additions: 1, deletions: 1 });
    expect(files[2]?.patch).toBeUndefined();
    expect(bed.gh.calls.filter((c) => c.path.endsWith('/files'))).toHaveLength(3);
  });

  it('refuses comments off the diff, across hunks, or on another commit, as GitHub does', async () => {
    const base = { owner: 'acme', repo: 'shop', pull_number: 7, commit_id: HEAD_SHA, path: 'src/app.ts', body: 'x', side: 'RIGHT' as const };
    await expect(bed.octokit.rest.pulls.createReviewComment({ ...base, line: 12 })).rejects.toThrow(/line must be part of the diff/);
    await expect(bed.octokit.rest.pulls.createReviewComment({ ...base, line: 23, start_line: 6, start_side: 'RIGHT' })).rejects.toThrow(/same hunk/);
    await expect(bed.octokit.rest.pulls.createReviewComment({ ...base, line: 23, commit_id: 'c'.repeat(40) })).rejects.toMatchObject({ status: 422 });
    await expect(bed.octokit.rest.pulls.createReviewComment({ ...base, path: 'src/other.ts', line: 1 })).rejects.toMatchObject({ status: 422 });
    await expect(bed.octokit.rest.pulls.createReviewComment({ owner: 'acme', repo: 'shop', pull_number: 7, commit_id: HEAD_SHA, body: 'x', path: 'src/other.ts', subject_type: 'file' })).rejects.toMatchObject({ status: 422 });
    const onFile = await bed.octokit.rest.pulls.createReviewComment({ owner: 'acme', repo: 'shop', pull_number: 7, commit_id: HEAD_SHA, body: 'x', path: 'src/generated.ts', subject_type: 'file' });
    expect(onFile.data).toMatchObject({ subject_type: 'file', line: null });
    const ok = await bed.octokit.rest.pulls.createReviewComment({ ...base, line: 24, start_line: 22, start_side: 'RIGHT' });
    expect(ok.data).toMatchObject({ line: 24, start_line: 22, side: 'RIGHT', commit_id: HEAD_SHA });
    expect(bed.gh.reviewComments).toHaveLength(2);
  });

  it('finds earlier comments on any page and does not repeat them', async () => {
    const done = makeFinding({ severity: 'high', location: src('src/app.ts', 5) });
    const fresh = makeFinding({ severity: 'low', location: src('src/app.ts', 6) });
    const chatter = { owner: 'acme', repo: 'shop', pullNumber: 7, path: 'src/app.ts', line: 1, start_line: null, subject_type: 'line' as const, side: 'RIGHT' as const, commit_id: HEAD_SHA, user: { login: 'someone', type: 'User' }, created_at: '2026-01-01T00:00:00Z' };
    for (let i = 0; i < 120; i++) bed.gh.reviewComments.push({ ...chatter, id: i + 1, body: `chatter ${i}` });
    await bed.octokit.rest.pulls.createReviewComment({ owner: 'acme', repo: 'shop', pull_number: 7, commit_id: HEAD_SHA, path: 'src/app.ts', line: 5, body: reviewCommentBody(done) });
    const r = await upsertReviewComments(params({ findings: [done, fresh] }));
    expect(r).toEqual({ status: 'done', created: 1, alreadyCommented: 1, overLimit: 0, rejected: 0 });
    expect(bed.gh.reviewComments.at(-1)?.body).toContain(findingMarker(fresh.fingerprint));
    expect(bed.gh.calls.filter((c) => c.method === 'GET' && c.path.endsWith('/comments'))).toHaveLength(2);
  });

  it('comments once for two findings sharing a fingerprint, and skips suppressed ones', async () => {
    const a = makeFinding({ fingerprint: 'same', location: src('src/app.ts', 5) });
    const b = { ...a, tool: { name: 'semgrep', version: '1' } };
    const quiet = makeFinding({ location: src('src/app.ts', 2), suppression: { kind: 'ignore-file', reason: 'accepted' } });
    const r = await upsertReviewComments(params({ findings: [a, b, quiet] }));
    expect(r).toMatchObject({ created: 1, alreadyCommented: 1 });
    expect(bed.gh.reviewComments).toHaveLength(1);
  });

  it('warns on an outage and makes no request when nothing is on the diff', async () => {
    const none = await upsertReviewComments(params({ findings: [makeFinding({ location: src('src/app.ts', 40) })] }));
    expect(none).toMatchObject({ status: 'done', created: 0 });
    expect(bed.gh.calls).toEqual([]);
    bed.gh.failNext(500, { times: 100 });
    const r = await upsertReviewComments(params({ findings: [makeFinding({ location: src('src/app.ts', 5) })] }));
    expect(r).toMatchObject({ status: 'failed', created: 0 });
    expect(bed.io.at('warning')).toHaveLength(1);
    expect(bed.io.leakedSecrets()).toEqual([]);
  });
});
