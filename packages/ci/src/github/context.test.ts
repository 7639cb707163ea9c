import { UserError } from '@rampart/core';
import { describe, expect, it } from 'vitest';
import { analysisRef, readGithubContext, runUrl } from './context.js';

const files: Record<string, string> = {
  '/ev/pr.json': JSON.stringify({ pull_request: { number: 7, head: { sha: 'b'.repeat(40) } } }),
  '/ev/comment-pr.json': JSON.stringify({ issue: { number: 9, pull_request: { url: 'x' } } }),
  '/ev/comment-issue.json': JSON.stringify({ issue: { number: 9 } }),
  '/ev/bad.json': '{nope',
};
const read = (p: string): string => {
  const t = files[p];
  if (t === undefined) throw new Error(`ENOENT: ${p}`);
  return t;
};
const base = { GITHUB_REPOSITORY: 'acme/shop', GITHUB_SHA: 'a'.repeat(40), GITHUB_API_URL: 'http://127.0.0.1:9/', GITHUB_RUN_ID: '42' };

describe('readGithubContext', () => {
  it('reads a pull_request run', () => {
    const ctx = readGithubContext({ ...base, GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: '/ev/pr.json', GITHUB_REF: 'refs/pull/7/merge' }, read);
    expect(ctx).toMatchObject({ owner: 'acme', repo: 'shop', pullRequestNumber: 7, apiUrl: 'http://127.0.0.1:9', serverUrl: 'https://github.com' });
    expect(analysisRef(ctx)).toEqual({ ref: 'refs/pull/7/merge', sha: 'a'.repeat(40) });
    expect(runUrl(ctx)).toBe('https://github.com/acme/shop/actions/runs/42');
  });

  it('uses the head ref and sha for pull_request_target', () => {
    const ctx = readGithubContext({ ...base, GITHUB_EVENT_NAME: 'pull_request_target', GITHUB_EVENT_PATH: '/ev/pr.json', GITHUB_REF: 'refs/heads/main' }, read);
    expect(analysisRef(ctx)).toEqual({ ref: 'refs/pull/7/head', sha: 'b'.repeat(40) });
  });

  it('finds the PR of an issue_comment only when the issue is a PR', () => {
    const env = { ...base, GITHUB_EVENT_NAME: 'issue_comment' };
    expect(readGithubContext({ ...env, GITHUB_EVENT_PATH: '/ev/comment-pr.json' }, read).pullRequestNumber).toBe(9);
    expect(readGithubContext({ ...env, GITHUB_EVENT_PATH: '/ev/comment-issue.json' }, read).pullRequestNumber).toBeUndefined();
  });

  it('uses the branch ref of a push', () => {
    const ctx = readGithubContext({ ...base, GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main' }, read);
    expect(ctx.payload).toEqual({});
    expect(analysisRef(ctx)).toEqual({ ref: 'refs/heads/main', sha: 'a'.repeat(40) });
  });

  it('names the variable or file that is wrong', () => {
    expect(() => readGithubContext({}, read)).toThrow(/GITHUB_REPOSITORY is not set/);
    try {
      readGithubContext({ ...base, GITHUB_EVENT_PATH: '/ev/bad.json' }, read);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(UserError);
      expect((e as UserError).file).toBe('/ev/bad.json');
    }
  });
});
