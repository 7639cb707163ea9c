import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { githubTestBed, type GithubTestBed } from '../../test/support/github.js';
import { isForkPullRequest, triggeringRunOf, workflowFileOf } from './context.js';
import { confirmPullRequest, isSafeBranchName, parsePullRequestFile, pullRequestFileOf, serializePullRequestFile, type PullRequestFile } from './pull-request-file.js';

const good: PullRequestFile = { number: 7, headSha: 'b'.repeat(40), baseRef: 'main', baseSha: 'd'.repeat(40), repository: 'acme/shop' };

describe('pull-request.json', () => {
  it('round-trips', () => {
    expect(parsePullRequestFile(serializePullRequestFile(good))).toEqual(good);
  });

  it('rejects every field that is not what stage one writes', () => {
    const bad = (over: Record<string, unknown>) => parsePullRequestFile(JSON.stringify({ ...good, ...over }));
    expect(bad({ number: -1 })).toHaveProperty('problem', 'pull-request.json: number is not a positive integer');
    expect(bad({ number: '7' })).toHaveProperty('problem');
    expect(bad({ headSha: 'HEAD' })).toHaveProperty('problem', 'pull-request.json: headSha is not a commit sha');
    expect(bad({ baseRef: 'main\n::error::x' })).toHaveProperty('problem', 'pull-request.json: baseRef is not a branch name');
    expect(bad({ baseRef: '../../etc' })).toHaveProperty('problem');
    expect(bad({ repository: 'evil/repo/x' })).toHaveProperty('problem');
    expect(parsePullRequestFile('[]')).toHaveProperty('problem');
    expect(parsePullRequestFile('nope')).toHaveProperty('problem', 'pull-request.json is not JSON');
  });

  it('never throws and only accepts safe values, whatever the input (fuzz)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.record({ number: fc.anything(), headSha: fc.string(), baseRef: fc.string(), baseSha: fc.anything(), repository: fc.string() }).map((o) => JSON.stringify(o))), (text) => {
        const r = parsePullRequestFile(text);
        if (!('problem' in r)) {
          expect(Number.isSafeInteger(r.number)).toBe(true);
          expect(isSafeBranchName(r.baseRef)).toBe(true);
          expect(r.headSha).toMatch(/^[0-9a-f]+$/);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('is made from a pull_request payload only', () => {
    const payload = { pull_request: { number: 7, head: { sha: good.headSha }, base: { ref: 'main', sha: good.baseSha } } };
    expect(pullRequestFileOf({ owner: 'acme', repo: 'shop', eventName: 'pull_request', payload, pullRequestNumber: 7 })).toEqual(good);
    expect(pullRequestFileOf({ owner: 'acme', repo: 'shop', eventName: 'push', payload, pullRequestNumber: 7 })).toBeUndefined();
  });
});

describe('context additions', () => {
  it('tells a fork pull request apart', () => {
    const pr = (head: unknown) => ({ owner: 'acme', repo: 'shop', payload: { repository: { full_name: 'acme/shop' }, pull_request: { head: { repo: head } } } });
    expect(isForkPullRequest(pr({ full_name: 'acme/shop', fork: false }))).toBe(false);
    expect(isForkPullRequest(pr({ full_name: 'mallory/shop', fork: false }))).toBe(true);
    expect(isForkPullRequest(pr({ full_name: 'acme/shop', fork: true }))).toBe(true);
    expect(isForkPullRequest(pr(null))).toBe(true);
    expect(isForkPullRequest({ owner: 'acme', repo: 'shop', payload: {} })).toBe(false);
  });

  it('reads the workflow file and the triggering run', () => {
    expect(workflowFileOf('acme/shop/.github/workflows/security.yml@refs/pull/7/merge')).toBe('security.yml');
    expect(workflowFileOf('acme/shop/.github/workflows/a.yaml@refs/heads/main')).toBe('a.yaml');
    expect(workflowFileOf(undefined)).toBeUndefined();
    expect(triggeringRunOf('workflow_run', { workflow_run: { id: 5, head_sha: 'a', event: 'pull_request', conclusion: 'failure', path: '.github/workflows/security.yml' } })).toEqual({ id: 5, headSha: 'a', event: 'pull_request', conclusion: 'failure', workflowFile: 'security.yml' });
    expect(triggeringRunOf('workflow_run', { workflow_run: { id: 5, head_sha: 'a', path: '../x.yml' } })?.workflowFile).toBeUndefined();
    expect(triggeringRunOf('workflow_run', { workflow_run: { id: 5, head_sha: 'a', path: 'acme/shop/.github/workflows/ci.yml@main' } })?.workflowFile).toBe('ci.yml');
    expect(triggeringRunOf('workflow_run', { workflow_run: { id: 5, head_sha: 'a', path: 'elsewhere.yml', workflow_id: 161335 } })?.workflowFile).toBe('161335');
    expect(triggeringRunOf('push', { workflow_run: { id: 5, head_sha: 'a' } })).toBeUndefined();
  });
});

describe('confirmPullRequest', () => {
  let bed: GithubTestBed;
  beforeEach(async () => {
    bed = await githubTestBed();
  });
  afterEach(async () => {
    await bed.gh.close();
  });

  it('believes the number only when the API shows the same head commit, and takes the base from the API', async () => {
    bed.gh.addPullRequest({ owner: 'acme', repo: 'shop', number: 7, headSha: good.headSha, baseRef: 'release', files: [] });
    expect(await confirmPullRequest(bed.octokit, { owner: 'acme', repo: 'shop', number: 7, headSha: good.headSha })).toMatchObject({ confirmed: true, baseRef: 'release' });
    const forged = await confirmPullRequest(bed.octokit, { owner: 'acme', repo: 'shop', number: 7, headSha: 'e'.repeat(40) });
    expect(forged).toMatchObject({ confirmed: false });
    expect(!forged.confirmed && forged.reason).toContain('not the run');
    expect(await confirmPullRequest(bed.octokit, { owner: 'acme', repo: 'shop', number: 99, headSha: good.headSha })).toMatchObject({ confirmed: false });
  });
});
