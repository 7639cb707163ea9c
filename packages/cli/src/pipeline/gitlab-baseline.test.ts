import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGitlab, type FakeGitlab } from '../../../../test/harness/fake-gitlab.js';
import { main } from '../main.js';
import { recordingDeps } from '../testing/recording-deps.js';
import { gitlabBaselineRef, resolveBaselineFrom } from './gitlab-baseline.js';

const TOKEN = 'glpat-cliBaselineToken0000';
let gl: FakeGitlab;
let dir: string;
beforeEach(async () => {
  gl = await startFakeGitlab({ token: TOKEN });
  dir = mkdtempSync(join(tmpdir(), 'rampart-glb-'));
  copyFileSync(resolve(import.meta.dirname, '../../test/fixtures/basic/eslint.sarif'), join(dir, 'eslint.sarif'));
});
afterEach(async () => {
  await gl.close();
});

const mrEnv = (over: Record<string, string | undefined> = {}) => ({
  GITLAB_CI: 'true', CI_PROJECT_ID: '42', CI_API_V4_URL: gl.apiV4Url, CI_PROJECT_DIR: dir, CI_JOB_NAME: 'rampart-report',
  CI_DEFAULT_BRANCH: 'main', CI_MERGE_REQUEST_IID: '7', CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'release', CI_COMMIT_REF_NAME: 'feature',
  RAMPART_GITLAB_TOKEN: TOKEN, RAMPART_MR_NOTE: 'false', ...over,
});

describe('gitlabBaselineRef', () => {
  it('takes the target branch in a merge request pipeline, the default branch elsewhere, and none on the default branch', () => {
    expect(gitlabBaselineRef({ CI_MERGE_REQUEST_IID: '3', CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'release', CI_DEFAULT_BRANCH: 'main' })).toBe('release');
    expect(gitlabBaselineRef({ CI_COMMIT_BRANCH: 'feature', CI_DEFAULT_BRANCH: 'main' })).toBe('main');
    expect(gitlabBaselineRef({ CI_COMMIT_REF_NAME: 'v1.2.0', CI_DEFAULT_BRANCH: 'main' })).toBe('main');
    expect(gitlabBaselineRef({ CI_COMMIT_BRANCH: 'main', CI_DEFAULT_BRANCH: 'main' })).toBeUndefined();
    expect(gitlabBaselineRef({ CI_COMMIT_BRANCH: 'feature' })).toBeUndefined();
  });
});

describe('rampart report --baseline-from gitlab', () => {
  it("gates only on findings that are not in the target branch's artifact", async () => {
    // The target branch's run: every finding is in its findings.json.
    const first = recordingDeps(dir, { ...mrEnv(), GITLAB_CI: undefined });
    expect(await main(['report', 'eslint.sarif', '--fail-on', 'none', '--out-dir', 'base'], first.deps)).toBe(0);
    gl.addJobArtifact({ project: '42', ref: 'release', job: 'rampart-report', path: 'rampart-reports/findings.json', content: readFileSync(join(dir, 'base/findings.json')) });

    const withBase = recordingDeps(dir, mrEnv());
    expect(await main(['report', 'eslint.sarif', '--fail-on', 'low', '--new-only', '--baseline-from', 'gitlab'], withBase.deps)).toBe(0);
    expect(withBase.err()).toContain('baseline: rampart-reports/findings.json of job rampart-report on release');
    const call = gl.calls.find((c) => c.path.includes('/jobs/artifacts/'));
    expect(call?.path).toBe('/api/v4/projects/42/jobs/artifacts/release/raw/rampart-reports/findings.json');
    expect(call?.query.job).toBe('rampart-report');

    // The same run without the artifact: no baseline, said so, and the gate sees every finding.
    gl.artifacts.splice(0);
    const without = recordingDeps(dir, mrEnv());
    expect(await main(['report', 'eslint.sarif', '--fail-on', 'low', '--new-only', '--baseline-from', 'gitlab'], without.deps)).toBe(1);
    expect(without.err()).toMatch(/no baseline: .*404.*the gate applies to every finding/);
    expect(without.err() + without.out()).not.toContain(TOKEN);
  });

  it('lets --baseline win, asks nothing on the default branch, and refuses an unknown source', async () => {
    const d = recordingDeps(dir, mrEnv());
    expect(await main(['report', 'eslint.sarif', '--fail-on', 'none', '--out-dir', 'base'], d.deps)).toBe(0);
    const explicit = recordingDeps(dir, mrEnv());
    expect(await main(['report', 'eslint.sarif', '--fail-on', 'low', '--new-only', '--baseline', 'base/findings.json', '--baseline-from', 'gitlab'], explicit.deps)).toBe(0);
    const onMain = recordingDeps(dir, mrEnv({ CI_MERGE_REQUEST_IID: undefined, CI_MERGE_REQUEST_TARGET_BRANCH_NAME: undefined, CI_COMMIT_BRANCH: 'main' }));
    expect(await main(['merge', 'base/findings.json', '--fail-on', 'none', '--baseline-from', 'gitlab'], onMain.deps)).toBe(0);
    expect(onMain.err()).not.toContain('baseline');
    expect(gl.calls.filter((c) => c.path.includes('/jobs/artifacts/'))).toHaveLength(0);
    const bad = recordingDeps(dir, mrEnv());
    expect(await main(['report', 'eslint.sarif', '--baseline-from', 'github'], bad.deps)).toBe(2);
    expect(bad.err()).toContain('--baseline-from');
  });

  it('names the reason in baselineSource when GitLab is unreachable, and never throws', async () => {
    const d = recordingDeps(dir, mrEnv({ CI_API_V4_URL: 'http://127.0.0.1:9/api/v4' }));
    const flags = await resolveBaselineFrom({ failOn: 'high' }, { from: 'gitlab', job: 'merged', path: 'out/findings.json' }, d.deps);
    expect(flags.baseline).toBeUndefined();
    expect(flags.baselineSource).toMatch(/out\/findings.json of job merged on release: cannot reach GitLab/);
    // An absolute out-dir is an artifact path relative to the project directory.
    await resolveBaselineFrom({ outDir: join(dir, 'out') }, { from: 'gitlab' }, recordingDeps(dir, mrEnv()).deps);
    expect(gl.calls.at(-1)?.path).toBe('/api/v4/projects/42/jobs/artifacts/release/raw/out/findings.json');
    const outside = await resolveBaselineFrom({}, { from: 'gitlab' }, recordingDeps(dir, {}).deps);
    expect(outside.baselineSource).toMatch(/outside GitLab CI/);
  });
});

describe('--no-mr-note and RAMPART_MR_NOTE', () => {
  it('leave the merge request note to another job', async () => {
    const env = mrEnv({ RAMPART_MR_NOTE: undefined });
    expect(await main(['report', 'eslint.sarif', '--fail-on', 'none', '--no-mr-note'], recordingDeps(dir, env).deps)).toBe(0);
    expect(await main(['report', 'eslint.sarif', '--fail-on', 'none'], recordingDeps(dir, { ...env, RAMPART_MR_NOTE: 'false' }).deps)).toBe(0);
    expect(gl.notes).toHaveLength(0);
    expect(await main(['report', 'eslint.sarif', '--fail-on', 'none'], recordingDeps(dir, env).deps)).toBe(0);
    expect(gl.notes).toHaveLength(1);
  });
});
