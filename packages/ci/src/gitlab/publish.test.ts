import { recordingLogger, UserError } from '@rampart/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGitlab, type FakeGitlab } from '../../../../test/harness/fake-gitlab.js';
import { readGitlabEnv } from './env.js';
import { publishGitlabNote } from './publish.js';

const TOKEN = 'glpat-fakeTokenForTests';
let gl: FakeGitlab;
beforeEach(async () => {
  gl = await startFakeGitlab({ token: TOKEN });
});
afterEach(async () => {
  await gl.close();
});

const env = (over: Record<string, string | undefined> = {}) => ({
  GITLAB_CI: 'true', CI_PROJECT_ID: '42', CI_PROJECT_PATH: 'group/shop', CI_API_V4_URL: gl.apiV4Url, CI_SERVER_URL: 'https://gitlab.example.com',
  CI_MERGE_REQUEST_IID: '5', CI_JOB_URL: 'https://gitlab.example.com/group/shop/-/jobs/77', CI_PROJECT_DIR: '/builds/group/shop',
  CI_COMMIT_SHA: 'a'.repeat(40), RAMPART_GITLAB_TOKEN: TOKEN, ...over,
});

describe('readGitlabEnv', () => {
  it('reads the job variables and derives the API URL when it is missing', () => {
    expect(readGitlabEnv({ CI_PROJECT_ID: '1' })).toBeUndefined();
    const e = readGitlabEnv(env({ CI_API_V4_URL: undefined, CI_MERGE_REQUEST_IID: 'x' }));
    expect(e).toMatchObject({ projectId: '42', apiV4Url: 'https://gitlab.example.com/api/v4', mergeRequestIid: undefined, projectDir: '/builds/group/shop' });
  });
});

describe('publishGitlabNote', () => {
  it('creates the note once and updates it afterwards, with the token header', async () => {
    const logger = recordingLogger();
    gl.addNote('42', 5, 'a human note');
    for (let i = 0; i < 120; i++) gl.addNote('42', 5, `chatter ${i}`);
    const first = await publishGitlabNote({ body: '## 2 findings', id: 'sast' }, { env: env(), logger });
    expect(first.status).toBe('created');
    const second = await publishGitlabNote({ body: '## 0 findings', id: 'sast' }, { env: env(), logger });
    expect(second.status).toBe('updated');
    const mine = gl.notes.filter((n) => n.body.includes('<!-- rampart:sast -->'));
    expect(mine).toHaveLength(1);
    expect(mine[0]?.body).toContain('## 0 findings');
    expect(mine[0]?.body).toContain('/-/jobs/77');
    expect(gl.calls.filter((c) => c.method === 'PUT')).toHaveLength(1);
    // The marker is on page 2 of 100-per-page listing on the second run.
    expect(gl.calls.filter((c) => c.method === 'GET').map((c) => c.query.page)).toEqual(['1', '2', '1', '2']);
    expect(logger.lines.map((l) => l.message).join('\n')).not.toContain(TOKEN);
  });

  it('degrades to a warning when the token may not write', async () => {
    gl.denyWrites = 403;
    const logger = recordingLogger();
    const r = await publishGitlabNote({ body: 'x', id: 'sast' }, { env: env(), logger });
    expect(r.status).toBe('skipped');
    expect(logger.lines.find((l) => l.level === 'warn')?.message).toMatch(/api scope/);
  });

  it('reports a server failure without throwing', async () => {
    gl.failNext(500);
    const r = await publishGitlabNote({ body: 'x', id: 'sast' }, { env: env(), logger: recordingLogger() });
    expect(r).toMatchObject({ status: 'failed' });
  });

  it('skips outside MR pipelines, without a token, and outside GitLab', async () => {
    const logger = recordingLogger();
    expect(await publishGitlabNote({ body: 'x', id: 's' }, { env: env({ CI_MERGE_REQUEST_IID: undefined }), logger })).toEqual({ status: 'skipped', reason: 'not a merge request pipeline' });
    expect(await publishGitlabNote({ body: 'x', id: 's' }, { env: env({ RAMPART_GITLAB_TOKEN: '' }), logger })).toEqual({ status: 'skipped', reason: 'RAMPART_GITLAB_TOKEN is not set' });
    expect((await publishGitlabNote({ body: 'x', id: 's' }, { env: {}, logger })).status).toBe('skipped');
    const custom = await publishGitlabNote({ body: 'x', id: 's' }, { env: env({ RAMPART_GITLAB_TOKEN: undefined, MY_TOKEN: TOKEN }), logger, tokenVariable: 'MY_TOKEN' });
    expect(custom.status).toBe('created');
    expect(gl.calls.every((c) => c.headers['private-token'] === TOKEN)).toBe(true);
  });

  it('throws a UserError for an id that would break the marker', async () => {
    await expect(publishGitlabNote({ body: 'x', id: 'a -->' }, { env: env(), logger: recordingLogger() })).rejects.toBeInstanceOf(UserError);
  });
});
