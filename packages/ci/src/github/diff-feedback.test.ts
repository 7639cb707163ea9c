import type { Finding } from '@rampart/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HEAD_SHA, pullRequest } from '../../test/fixtures/diff-feedback/pr.js';
import { githubTestBed, type GithubTestBed } from '../../test/support/github.js';
import { makeFinding } from '../../test/support/make-finding.js';
import { diffAwareFeedback, type DiffAwareFeedbackArgs } from './diff-feedback.js';

let bed: GithubTestBed;
beforeEach(async () => {
  bed = await githubTestBed();
  bed.gh.addPullRequest(pullRequest());
});
afterEach(async () => {
  await bed.gh.close();
});

const src = (path: string, startLine: number, endLine = startLine) => ({ type: 'source' as const, path, startLine, endLine });

function scenario() {
  return {
    added: makeFinding({ severity: 'high', title: 'exec of user input', location: src('src/app.ts', 5) }),
    contextOnly: makeFinding({ severity: 'medium', title: 'context line', location: src('src/app.ts', 1) }),
    far: makeFinding({ severity: 'low', title: 'untouched', location: src('src/app.ts', 50) }),
    range: makeFinding({ severity: 'critical', kind: 'secret', title: 'token', location: src('./src/app.ts', 20, 26) }),
    lockfile: makeFinding({ severity: 'critical', kind: 'dependency', title: 'lodash', location: { type: 'package', name: 'lodash', version: '4.17.20', file: 'package-lock.json' } }),
    url: makeFinding({ severity: 'high', kind: 'dast', title: 'xss', location: { type: 'url', url: 'https://example.test/a' } }),
    suppressed: makeFinding({ severity: 'critical', title: 'ignored', location: src('src/app.ts', 6), suppression: { kind: 'inline', reason: 'test' } }),
    generated: makeFinding({ severity: 'medium', title: 'in a new large file', location: src('src/generated.ts', 4000) }),
    removed: makeFinding({ severity: 'high', title: 'in a removed file', location: src('src/old.ts', 1) }),
  };
}

const args = (findings: readonly Finding[], over: Partial<DiffAwareFeedbackArgs> = {}): DiffAwareFeedbackArgs => ({
  client: bed.octokit, owner: 'acme', repo: 'shop', pullNumber: 7, headSha: HEAD_SHA, findings,
  annotations: 'changed', reviewComments: true, io: bed.io, ...over,
});

const annotatedTitles = () => bed.io.messages.filter((m) => m.props?.title).map((m) => m.props!.title!.replace(/^\[\w+\] rule-\d+: /, ''));

describe('diffAwareFeedback', () => {
  it('annotates only changed lines and comments new findings inline, once across runs', async () => {
    const s = scenario();
    const all = Object.values(s);
    const fresh = new Set([s.added.fingerprint, s.range.fingerprint, s.lockfile.fingerprint, s.generated.fingerprint]);
    const r = await diffAwareFeedback(args(all, { newFingerprints: fresh }));

    expect(annotatedTitles().sort()).toEqual(['exec of user input', 'in a new large file', 'lodash', 'token']);
    expect(r.annotations.filteredOut).toBe(4);
    // The lockfile and the new file without a patch have no diff line: their findings get a comment on the file.
    expect(r.reviewComments).toEqual({ status: 'done', created: 4, alreadyCommented: 0, overLimit: 0, rejected: 0 });
    const [first, second, third, fourth] = bed.gh.reviewComments;
    expect(first).toMatchObject({ path: 'src/app.ts', line: 25, start_line: 22, side: 'RIGHT', commit_id: HEAD_SHA, subject_type: 'line' });
    expect(first?.body).toContain(`<!-- rampart:finding:${s.range.fingerprint} -->`);
    expect(second).toMatchObject({ path: 'package-lock.json', line: null, subject_type: 'file' });
    expect(third).toMatchObject({ path: 'src/app.ts', line: 5, start_line: null });
    expect(fourth).toMatchObject({ path: 'src/generated.ts', subject_type: 'file' });

    const again = await diffAwareFeedback(args(all, { newFingerprints: fresh }));
    expect(again.reviewComments).toMatchObject({ status: 'done', created: 0, alreadyCommented: 4 });
    expect(bed.gh.reviewComments).toHaveLength(4);
    expect(bed.io.failed).toEqual([]);
    expect(bed.io.leakedSecrets()).toEqual([]);
  });

  it("counts hunk context lines in 'context' mode, and comments every unsuppressed finding without a baseline", async () => {
    const s = scenario();
    const r = await diffAwareFeedback(args([s.contextOnly, s.far, s.suppressed], { mode: 'context' }));
    expect(annotatedTitles()).toEqual(['context line']);
    expect(r.reviewComments).toMatchObject({ status: 'done', created: 1 });
    expect(bed.gh.reviewComments[0]).toMatchObject({ line: 1 });
  });

  it('posts at most maxReviewComments, most severe first', async () => {
    const lines = [2, 5, 6, 23];
    const findings = lines.map((n, i) => makeFinding({ severity: i === 3 ? 'critical' : 'low', location: src('src/app.ts', n) }));
    const r = await diffAwareFeedback(args(findings, { maxReviewComments: 2, annotations: 'none' }));
    expect(r.reviewComments).toMatchObject({ status: 'done', created: 2, overLimit: 2 });
    expect(bed.gh.reviewComments.map((c) => c.line)).toEqual([23, 2]);
    expect(bed.io.messages.some((m) => m.props !== undefined)).toBe(false);
  });

  it('degrades to a notice on a read-only token and still annotates', async () => {
    bed.gh.denyWrites = 403;
    const s = scenario();
    const r = await diffAwareFeedback(args([s.added]));
    expect(r.reviewComments.status).toBe('skipped');
    expect(r.annotations.emitted.error).toBe(1);
    expect(bed.io.at('notice').map((m) => m.message).join('\n')).toMatch(/skipped inline review comments.*forks/);
    expect(bed.io.at('warning')).toEqual([]);
    expect(bed.gh.calls.filter((c) => c.method === 'POST' && c.status < 300)).toEqual([]);
  });

  it('falls back to no annotations with a notice when the files cannot be read', async () => {
    bed.gh.failNext(500, { times: 100, path: /\/files$/ });
    const s = scenario();
    const r = await diffAwareFeedback(args([s.added, s.far]));
    expect(r.annotations.emitted).toEqual({ error: 0, warning: 0, notice: 0 });
    expect(r.reviewComments).toMatchObject({ status: 'skipped' });
    expect(bed.io.at('notice').some((m) => /no annotations or inline comments.*HTTP 500/.test(m.message))).toBe(true);
    expect(bed.gh.reviewComments).toEqual([]);
  });

  it("annotates everything with 'all' and makes no request when nothing needs the diff", async () => {
    const s = scenario();
    const r = await diffAwareFeedback(args([s.added, s.far, s.url], { annotations: 'all', reviewComments: false }));
    expect(r.annotations.emitted).toEqual({ error: 2, warning: 0, notice: 1 });
    expect(r.reviewComments).toEqual({ status: 'disabled' });
    expect(bed.gh.calls).toEqual([]);
  });

  it('counts comments GitHub refuses, e.g. after a newer push moved the head', async () => {
    const s = scenario();
    const r = await diffAwareFeedback(args([s.added, s.range], { headSha: 'c'.repeat(40), annotations: 'none' }));
    expect(r.reviewComments).toMatchObject({ status: 'done', created: 0, rejected: 2 });
    expect(bed.io.at('warning')).toEqual([]);
  });

  it('says so when the PR has more files than GitHub lists', async () => {
    const files = Array.from({ length: 3005 }, (_, i) => ({ filename: `f${i}.ts`, patch: '@@ -1 +1 @@\n-a\n+b' }));
    bed.gh.addPullRequest(pullRequest({ files }));
    const late = makeFinding({ location: src('f3004.ts', 1) });
    const early = makeFinding({ location: src('f0.ts', 1) });
    const r = await diffAwareFeedback(args([late, early], { reviewComments: false }));
    expect(r.annotations.emitted.warning).toBe(1);
    expect(bed.io.at('notice').some((m) => /at least 3000 files/.test(m.message))).toBe(true);
  });

  it('stays within the caps with 10,000 findings', async () => {
    const findings = Array.from({ length: 10_000 }, (_, i) =>
      makeFinding({ severity: i % 2 ? 'high' : 'medium', location: src('src/app.ts', (i % 30) + 1, (i % 30) + 1 + (i % 3)) }));
    const started = Date.now();
    const r = await diffAwareFeedback(args(findings));
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(r.annotations.emitted).toEqual({ error: 10, warning: 10, notice: 0 });
    expect(r.annotations.omitted + 20 + (r.annotations.filteredOut ?? 0)).toBe(10_000);
    expect(r.reviewComments).toMatchObject({ status: 'done', created: 10 });
    expect(bed.gh.reviewComments).toHaveLength(10);
    expect(bed.gh.reviewComments.every((c) => c.body.includes('High'))).toBe(true);
  });
});
