import { UserError } from '@rampart/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { githubTestBed, type GithubTestBed } from '../../test/support/github.js';
import { commentMarker, stickyBody, upsertStickyComment } from './comment.js';

let bed: GithubTestBed;
beforeEach(async () => {
  bed = await githubTestBed();
});
afterEach(async () => {
  await bed.gh.close();
});

const params = (body: string, id = 'sast') => ({ octokit: bed.octokit, io: bed.io, owner: 'acme', repo: 'shop', issueNumber: 7, id, body });

describe('upsertStickyComment', () => {
  it('creates the comment the first time and updates it in place afterwards', async () => {
    const first = await upsertStickyComment(params('2 findings'));
    expect(first.status).toBe('created');
    const second = await upsertStickyComment(params('1 finding'));
    expect(second.status).toBe('updated');
    expect(bed.gh.comments).toHaveLength(1);
    expect(bed.gh.comments[0]?.body).toBe('<!-- rampart:sast -->\n1 finding');
    expect(bed.gh.calls.filter((c) => c.method === 'PATCH')).toHaveLength(1);
    const third = await upsertStickyComment(params('1 finding'));
    expect(third.status).toBe('unchanged');
    expect(bed.gh.calls.filter((c) => c.method !== 'GET')).toHaveLength(2);
  });

  it('finds its marker on a later page and leaves other comments alone', async () => {
    for (let i = 0; i < 150; i++) bed.gh.addComment('acme', 'shop', 7, `chatter ${i}`);
    const mine = bed.gh.addComment('acme', 'shop', 7, '<!-- rampart:sast -->\nold');
    bed.gh.addComment('acme', 'shop', 7, '<!-- rampart:dast -->\nother scanner');
    const r = await upsertStickyComment(params('new'));
    expect(r).toMatchObject({ status: 'updated', commentId: mine.id });
    expect(bed.gh.calls.filter((c) => c.method === 'GET').map((c) => c.query.page ?? '1')).toEqual(['1', '2']);
    expect(bed.gh.comments.find((c) => c.body.includes('rampart:dast'))?.body).toBe('<!-- rampart:dast -->\nother scanner');
  });

  it('skips with a notice when the token may not write (fork PR)', async () => {
    bed.gh.denyWrites = 403;
    const r = await upsertStickyComment(params('x'));
    expect(r.status).toBe('skipped');
    expect(bed.io.at('notice')[0]?.message).toMatch(/skipped the PR comment.*forks/);
    expect(bed.io.at('error')).toEqual([]);
    bed.gh.denyWrites = 404;
    expect((await upsertStickyComment(params('x'))).status).toBe('skipped');
  });

  it('warns, without throwing, when GitHub keeps failing', async () => {
    bed.gh.failNext(502, { times: 10 });
    const r = await upsertStickyComment(params('x'));
    expect(r.status).toBe('failed');
    expect(bed.io.at('warning')[0]?.message).toMatch(/HTTP 502/);
    expect(bed.io.leakedSecrets()).toEqual([]);
  });

  it('refuses an id that could break out of the marker', () => {
    expect(() => commentMarker('x --><script>')).toThrow(UserError);
    expect(commentMarker('sast/main')).toBe('<!-- rampart:sast/main -->');
  });

  it('cuts an oversized body and keeps the marker', () => {
    const body = stickyBody('<!-- rampart:x -->', 'line\n'.repeat(20_000), 1000);
    expect(body.length).toBeLessThanOrEqual(1000);
    expect(body.startsWith('<!-- rampart:x -->\n')).toBe(true);
    expect(body).toContain('cut short');
  });
});
