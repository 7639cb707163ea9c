import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeGitlab, type FakeGitlab } from '../../../test/harness/fake-gitlab.js';
import { main } from './main.js';
import { recordingDeps } from './testing/recording-deps.js';

const TOKEN = 'glpat-cliTestToken000000';
let gitlab: FakeGitlab | undefined;
afterEach(async () => {
  await gitlab?.close();
  gitlab = undefined;
});


describe('rampart report in a GitLab merge request pipeline', () => {
  it('writes one MR note and updates it in place on the next run', async () => {
    gitlab = await startFakeGitlab({ token: TOKEN });
    const dir = mkdtempSync(join(tmpdir(), 'rampart-gl-'));
    copyFileSync(resolve(import.meta.dirname, '../test/fixtures/basic/eslint.sarif'), join(dir, 'eslint.sarif'));
    const env = {
      GITLAB_CI: 'true',
      CI_PROJECT_ID: '42',
      CI_API_V4_URL: gitlab.apiV4Url,
      CI_MERGE_REQUEST_IID: '5',
      CI_COMMIT_SHA: 'b'.repeat(40),
      RAMPART_GITLAB_TOKEN: TOKEN,
    };
    expect(await main(['report', 'eslint.sarif', '--fail-on', 'none'], recordingDeps(dir, env).deps)).toBe(0);
    expect(gitlab.notes).toHaveLength(1);
    expect(gitlab.notes[0]?.body).toContain('<!-- rampart:report -->');
    expect(gitlab.notes[0]?.body).toContain('security/detect-eval-with-expression'.replace(/-/g, '\\-'));
    expect(await main(['report', 'eslint.sarif', '--fail-on', 'none'], recordingDeps(dir, env).deps)).toBe(0);
    expect(gitlab.notes).toHaveLength(1);
    expect(gitlab.calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it('a token without write permission is a notice, not a failure', async () => {
    gitlab = await startFakeGitlab({ token: TOKEN });
    gitlab.denyWrites = 403;
    const dir = mkdtempSync(join(tmpdir(), 'rampart-gl-'));
    copyFileSync(resolve(import.meta.dirname, '../test/fixtures/basic/eslint.sarif'), join(dir, 'eslint.sarif'));
    const d = recordingDeps(dir, {
      GITLAB_CI: 'true',
      CI_PROJECT_ID: '42',
      CI_API_V4_URL: gitlab.apiV4Url,
      CI_MERGE_REQUEST_IID: '5',
      RAMPART_GITLAB_TOKEN: TOKEN,
    });
    expect(await main(['report', 'eslint.sarif', '--fail-on', 'none'], d.deps)).toBe(0);
    expect(gitlab.notes).toHaveLength(0);
    expect(d.err()).toMatch(/note/i);
    expect(d.err()).not.toContain(TOKEN);
  });
});
