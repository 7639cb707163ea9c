import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sourceLinkBase } from './links.js';

const HEAD = 'a'.repeat(40);
const MERGE = 'b'.repeat(40);
const RUN_HEAD = 'c'.repeat(40);

const github = (over: Record<string, string | undefined> = {}) => ({
  GITHUB_ACTIONS: 'true',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'acme/web-app',
  GITHUB_SHA: MERGE,
  GITHUB_EVENT_NAME: 'pull_request',
  GITHUB_EVENT_PATH: '/event.json',
  ...over,
});
const files = (events: Record<string, unknown>) => (path: string): string => {
  if (!(path in events)) throw new Error(`ENOENT: ${path}`);
  return JSON.stringify(events[path]);
};
const prEvent = files({ '/event.json': { pull_request: { number: 7, head: { sha: HEAD } } } });

describe('sourceLinkBase on GitHub', () => {
  it('links to the PR head commit, not the merge commit', () => {
    expect(sourceLinkBase(github(), prEvent)).toBe(`https://github.com/acme/web-app/blob/${HEAD}/`);
  });

  it('uses the triggering run head in a workflow_run job (the fork-safe second stage)', () => {
    const read = files({ '/event.json': { workflow_run: { id: 4711, head_sha: RUN_HEAD } } });
    expect(sourceLinkBase(github({ GITHUB_EVENT_NAME: 'workflow_run' }), read)).toBe(`https://github.com/acme/web-app/blob/${RUN_HEAD}/`);
  });

  it('uses GITHUB_SHA on a push, and a GitHub Enterprise server URL', () => {
    const read = files({ '/event.json': { ref: 'refs/heads/main' } });
    expect(sourceLinkBase(github({ GITHUB_EVENT_NAME: 'push', GITHUB_SERVER_URL: 'https://ghe.example.com/' }), read)).toBe(`https://ghe.example.com/acme/web-app/blob/${MERGE}/`);
    expect(sourceLinkBase(github({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: undefined }), read)).toBe(`https://github.com/acme/web-app/blob/${MERGE}/`);
  });

  it('gives no link when the PR head is unknown or malformed', () => {
    expect(sourceLinkBase(github(), files({}))).toBeUndefined();
    expect(sourceLinkBase(github(), () => 'not json')).toBeUndefined();
    expect(sourceLinkBase(github(), files({ '/event.json': { pull_request: { head: { sha: 'HEAD~1' } } } }))).toBeUndefined();
    expect(sourceLinkBase(github(), files({ '/event.json': { workflow_run: { head_sha: 42 } } }))).toBeUndefined();
  });

  it('gives no link for a repository or server that could break out of the link', () => {
    for (const over of [
      { GITHUB_REPOSITORY: 'acme/web app' },
      { GITHUB_REPOSITORY: 'acme/x)(javascript:alert(1)' },
      { GITHUB_REPOSITORY: undefined },
      { GITHUB_SERVER_URL: 'javascript:alert(1)' },
      { GITHUB_SERVER_URL: 'https://user:pw@github.com' },
      { GITHUB_SERVER_URL: 'https://github.com/a)b' },
      { GITHUB_SERVER_URL: undefined },
    ]) {
      expect(sourceLinkBase(github(over), prEvent), JSON.stringify(over)).toBeUndefined();
    }
  });

  it('returns undefined or a safe prefix for any event file content', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), fc.constantFrom('pull_request', 'push', 'workflow_run'), (text, name) => {
        const out = sourceLinkBase(github({ GITHUB_EVENT_NAME: name }), () => text);
        if (out !== undefined) expect(out).toMatch(/^https:\/\/github\.com\/acme\/web-app\/blob\/[0-9a-f]{40}\/$/);
      }),
    );
  });
});

describe('sourceLinkBase on GitLab', () => {
  const gitlab = (over: Record<string, string | undefined> = {}) => ({ GITLAB_CI: 'true', CI_PROJECT_URL: 'https://gitlab.example.com/group/sub/project', CI_COMMIT_SHA: HEAD, ...over });
  const none = (): string => {
    throw new Error('not read');
  };

  it('links to the commit, or to the MR source branch head in merged-results pipelines', () => {
    expect(sourceLinkBase(gitlab(), none)).toBe(`https://gitlab.example.com/group/sub/project/-/blob/${HEAD}/`);
    expect(sourceLinkBase(gitlab({ CI_MERGE_REQUEST_SOURCE_BRANCH_SHA: RUN_HEAD }), none)).toBe(`https://gitlab.example.com/group/sub/project/-/blob/${RUN_HEAD}/`);
    expect(sourceLinkBase(gitlab({ CI_MERGE_REQUEST_SOURCE_BRANCH_SHA: '' }), none)).toBe(`https://gitlab.example.com/group/sub/project/-/blob/${HEAD}/`);
  });

  it('gives no link when a value is missing or malformed', () => {
    expect(sourceLinkBase(gitlab({ CI_COMMIT_SHA: undefined }), none)).toBeUndefined();
    expect(sourceLinkBase(gitlab({ CI_COMMIT_SHA: 'abc' }), none)).toBeUndefined();
    expect(sourceLinkBase(gitlab({ CI_PROJECT_URL: 'ftp://gitlab.example.com/p' }), none)).toBeUndefined();
    expect(sourceLinkBase(gitlab({ CI_PROJECT_URL: 'https://gitlab.example.com/p?x=1' }), none)).toBeUndefined();
  });
});

describe('sourceLinkBase elsewhere', () => {
  it('gives no link on a laptop or another CI', () => {
    expect(sourceLinkBase({ GITHUB_SHA: HEAD, CI_COMMIT_SHA: HEAD }, prEvent)).toBeUndefined();
  });
});
