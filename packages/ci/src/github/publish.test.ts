import { fileURLToPath } from 'node:url';
import { UserError } from '@rampart/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGithub, type FakeGithub } from '../../../../test/harness/fake-github.js';
import { TOKEN, FAST } from '../../test/support/github.js';
import { findingsOf } from '../../test/support/make-finding.js';
import { recordingIO, type RecordingIO } from './io.js';
import { publishGithub, type PublishGithubArgs } from './publish.js';

const eventPath = fileURLToPath(new URL('../../test/fixtures/publish/pull_request.json', import.meta.url));
const sarifText = JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'rampart' } }, results: [] }] });

let gh: FakeGithub;
let io: RecordingIO;
beforeEach(async () => {
  gh = await startFakeGithub({ token: TOKEN });
  io = recordingIO();
});
afterEach(async () => {
  await gh.close();
});

const env = (over: Record<string, string> = {}) => ({
  GITHUB_REPOSITORY: 'acme/shop', GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventPath,
  GITHUB_SHA: 'a'.repeat(40), GITHUB_REF: 'refs/pull/7/merge', GITHUB_API_URL: gh.url, GITHUB_RUN_ID: '99',
  GITHUB_WORKSPACE: '/home/runner/work/shop/shop', ...over,
});

const args = (summary: string, over: Partial<PublishGithubArgs['options']> = {}): PublishGithubArgs => ({
  summaryMarkdown: summary,
  findings: [...findingsOf('high', 2), ...findingsOf('low', 1)],
  gate: 'failed',
  reportDir: 'rampart-reports',
  sarifPath: 'rampart-reports/sast.sarif',
  sarif: { text: sarifText, category: 'rampart/sast', toolName: 'Rampart' },
  options: { comment: true, commentId: 'sast', uploadSarif: true, token: TOKEN, ...over },
});

const deps = (e = env()) => ({ io, env: e, octokit: FAST });

describe('publishGithub', () => {
  it('sets outputs, writes the summary, annotates, comments and uploads on a PR', async () => {
    const r = await publishGithub(args('## 3 findings'), deps());
    expect(r.outputs).toMatchObject({ high: '2', low: '1', total: '3', new: '3', gate: 'failed', sarif: 'rampart-reports/sast.sarif' });
    expect(io.summaries).toEqual(['## 3 findings']);
    expect(r.annotations.emitted).toEqual({ error: 2, warning: 0, notice: 1 });
    expect(r.comment.status).toBe('created');
    expect(gh.comments[0]?.body).toContain('## 3 findings');
    expect(gh.comments[0]?.body).toContain('https://github.com/acme/shop/actions/runs/99');
    expect(r.sarifUpload.status).toBe('uploaded');
    expect(gh.sarifs[0]?.body).toMatchObject({ ref: 'refs/pull/7/merge', commit_sha: 'a'.repeat(40), checkout_uri: 'file:///home/runner/work/shop/shop' });
    expect(JSON.parse(gh.sarifs[0]?.sarifText ?? '{}').runs[0].automationDetails.id).toBe('rampart/sast/');
    expect(io.secrets).toContain(TOKEN);
    expect(io.leakedSecrets()).toEqual([]);

    const again = await publishGithub(args('## 1 finding'), deps());
    expect(again.comment.status).toBe('updated');
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0]?.body).toContain('## 1 finding');
  });

  it('degrades to notices on a fork PR and never fails the step', async () => {
    gh.denyWrites = 403;
    const r = await publishGithub(args('x'), deps());
    expect(r.comment.status).toBe('skipped');
    expect(r.sarifUpload.status).toBe('skipped');
    expect(io.at('notice').map((m) => m.message).join('\n')).toMatch(/PR comment[\s\S]*SARIF upload/);
    expect(io.failed).toEqual([]);
    expect(r.outputs.gate).toBe('failed');
  });

  it('warns when GitHub is down, and still sets the outputs', async () => {
    gh.failNext(500, { times: 100 });
    const r = await publishGithub(args('x'), deps());
    expect(r.comment.status).toBe('failed');
    expect(r.sarifUpload.status).toBe('failed');
    expect(io.at('warning')).toHaveLength(2);
    expect(io.outputs.total).toBe('3');
  });

  it('skips the comment outside a PR and uploads to the branch', async () => {
    const r = await publishGithub(args('x'), deps(env({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: '', GITHUB_REF: 'refs/heads/main' })));
    expect(r.comment).toEqual({ status: 'skipped', reason: 'not a pull request' });
    expect(gh.sarifs[0]?.body.ref).toBe('refs/heads/main');
  });

  it('skips network features without a token, and does nothing remote when they are off', async () => {
    const r = await publishGithub(args('x', { token: '' }), deps());
    expect(r.comment.status).toBe('skipped');
    expect(io.at('notice').some((m) => /skipped the PR comment and the SARIF upload: no token/.test(m.message))).toBe(true);
    const off = await publishGithub(args('x', { comment: false, uploadSarif: false }), deps());
    expect(off.comment).toEqual({ status: 'disabled' });
    expect(gh.calls).toEqual([]);
  });

  it('rejects a bad comment id before writing anything', async () => {
    await expect(publishGithub(args('x', { commentId: '-->' }), deps())).rejects.toBeInstanceOf(UserError);
    expect(io.outputs).toEqual({});
  });

  it('writes nothing to the API with writes: false, but still annotates the changed lines it can read', async () => {
    gh.addPullRequest({ owner: 'acme', repo: 'shop', number: 7, headSha: 'b'.repeat(40), files: [{ filename: 'src/app.ts', patch: '@@ -0,0 +1,1 @@\n+x' }] });
    const a = args('x', { writes: false, noWritesReason: 'this pull request comes from a fork; the workflow_run stage publishes', annotations: 'changed', reviewComments: true });
    const r = await publishGithub(a, deps());
    expect(gh.calls.filter((c) => c.method !== 'GET')).toEqual([]);
    expect(r.comment).toEqual({ status: 'disabled' });
    expect(r.sarifUpload).toEqual({ status: 'disabled' });
    expect(io.at('notice').filter((m) => /fork/.test(m.message))).toHaveLength(1);
    // findingsOf puts findings on lines 1..n of src/app.ts; only line 1 is in the diff.
    const emitted = r.annotations.emitted;
    expect(emitted.error + emitted.warning + emitted.notice).toBeLessThan(3);
    expect(r.annotations.filteredOut).toBeGreaterThan(0);
  });

  it('uploads one SARIF per category to the target of a workflow_run stage and comments on the target PR', async () => {
    const head = 'e'.repeat(40);
    const a: PublishGithubArgs = {
      ...args('stage two'),
      sarifs: [{ text: sarifText, category: 'rampart/sast/' }, { text: sarifText, category: 'rampart/dependency/' }],
      options: { comment: true, commentId: 'report', uploadSarif: true, token: TOKEN, annotations: 'none', target: { pullRequestNumber: 12, sha: head, ref: 'refs/pull/12/head' } },
    };
    const r = await publishGithub(a, deps(env({ GITHUB_EVENT_NAME: 'workflow_run', GITHUB_EVENT_PATH: '', GITHUB_REF: 'refs/heads/main' })));
    expect(r.sarifUploads.map((u) => u.result.status)).toEqual(['uploaded', 'uploaded']);
    expect(gh.sarifs.map((x) => JSON.parse(x.sarifText).runs[0].automationDetails.id)).toEqual(['rampart/sast/', 'rampart/dependency/']);
    expect(gh.sarifs.every((x) => x.body.commit_sha === head && x.body.ref === 'refs/pull/12/head')).toBe(true);
    expect(gh.comments[0]?.issueNumber).toBe(12);
  });
});
