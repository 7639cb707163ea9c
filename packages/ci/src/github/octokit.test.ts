import { UserError } from '@rampart/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FAST, githubTestBed, TOKEN, type GithubTestBed } from '../../test/support/github.js';
import { recordingIO } from './io.js';
import { createOctokit } from './octokit.js';

let bed: GithubTestBed;
beforeEach(async () => {
  bed = await githubTestBed();
});
afterEach(async () => {
  await bed.gh.close();
});

const list = () => bed.octokit.rest.issues.listComments({ owner: 'acme', repo: 'shop', issue_number: 1 });

describe('createOctokit', () => {
  it('masks the token before use and sends it to the configured API URL', async () => {
    expect(bed.io.secrets).toEqual([TOKEN]);
    await list();
    expect(bed.gh.calls[0]?.headers.authorization).toBe(`token ${TOKEN}`);
  });

  it('retries a 500 and gives up after the configured number of retries', async () => {
    bed.gh.failNext(500);
    await expect(list()).resolves.toMatchObject({ status: 200 });
    expect(bed.gh.calls.map((c) => c.status)).toEqual([500, 200]);

    const io = recordingIO();
    const octokit = await createOctokit({ token: TOKEN, apiUrl: bed.gh.url, io, ...FAST, retries: 1 });
    bed.gh.calls.length = 0;
    bed.gh.failNext(503, { times: 5 });
    await expect(octokit.rest.issues.listComments({ owner: 'acme', repo: 'shop', issue_number: 1 })).rejects.toMatchObject({ status: 503 });
    expect(bed.gh.calls).toHaveLength(2);
  });

  it('does not retry a 403 that is a permission problem', async () => {
    bed.gh.denyWrites = 403;
    await expect(bed.octokit.rest.issues.createComment({ owner: 'acme', repo: 'shop', issue_number: 1, body: 'x' })).rejects.toMatchObject({ status: 403 });
    expect(bed.gh.calls).toHaveLength(1);
  });

  it('waits out a secondary rate limit a bounded number of times', async () => {
    bed.gh.rateLimitNext('secondary');
    await expect(list()).resolves.toMatchObject({ status: 200 });
    expect(bed.gh.calls.map((c) => c.status)).toEqual([403, 200]);
    expect(bed.io.at('info').some((m) => /secondary rate limit/.test(m.message))).toBe(true);
  });

  it('refuses an empty token with a UserError naming the input', async () => {
    await expect(createOctokit({ token: ' ', apiUrl: bed.gh.url, io: recordingIO() })).rejects.toBeInstanceOf(UserError);
  });
});
