import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alpineImage } from '../../packages/cli/test/support/alpine-image.js';
import { validateGitlab } from '../../packages/core/src/writers/testing/validate.js';
import { serve, type Running } from '../../packages/dast/test/apps/serve.js';
import { vulnerableApp } from '../../packages/dast/test/apps/vulnerable.js';
import type { OsvTestServer } from '../../packages/vulns/src/db/testing/osv-server.js';
import { startFakeGitlab, type FakeGitlab } from '../harness/fake-gitlab.js';
import { GCL, makeProject, type Project } from './gitlab-project.js';
import { CLI_BIN, ROOT, requireBuilt } from './paths.js';
import { startRealOsv } from './support.js';

const TOKEN = 'glpat-prReportGitlabToken00';
const FIXTURES = 'test/fixtures/pr-report-gitlab';
let osv: OsvTestServer;
let app: Running;
let gl: FakeGitlab;
beforeAll(async () => {
  requireBuilt(CLI_BIN);
  if (!existsSync(GCL)) throw new Error('gitlab-ci-local is not installed (root devDependency)');
  osv = await startRealOsv();
  app = await serve(vulnerableApp('http://127.0.0.1:9/'));
  gl = await startFakeGitlab({ token: TOKEN });
});
afterAll(async () => {
  await Promise.all([osv.close(), app.close(), gl.close()]);
});

/** The example as a user copies it, with each component include pointed at the local copy of the template. */
function exampleCi(): string {
  const text = readFileSync(resolve(ROOT, 'examples/gitlab/.gitlab-ci.yml'), 'utf8');
  let count = 0;
  const local = text.replace(/- component: \$CI_SERVER_FQDN\/<group>\/rampart\/([a-z-]+)@1/g, (_m, name: string) => {
    count++;
    return `- local: templates/${name}.yml`;
  });
  expect(count).toBe(7);
  // The shell executor runs no services, so DAST uses the built-in engine instead of the ZAP service.
  const dast = '      output-dir: rampart-reports/dast\n';
  expect(local).toContain(dast);
  return local.replace(dast, `${dast}      engine: builtin\n      zap-service: []\n`);
}

/** gitlab-ci-local with pipeline variables, without blocking: the pipeline calls servers in this process. */
function run(p: Project, variables: Record<string, string>): Promise<{ status: number | null; output: string }> {
  const args = ['--force-shell-executor', '--no-color', ...Object.entries(variables).flatMap(([k, v]) => ['--variable', `${k}=${v}`])];
  return new Promise((done) => {
    const child = spawn(GCL, args, { cwd: p.dir, env: { ...process.env, PATH: `${p.bin}:${process.env.PATH ?? ''}` } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (status) => done({ status, output }));
  });
}

const mergedOut = (p: Project) => join(p.dir, '.gitlab-ci-local/artifacts/rampart-report/rampart-reports');
const ruleIds = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId);

describe('examples/gitlab: every scanner, one merged report per merge request, under gitlab-ci-local', () => {
  it('takes the baseline from main, gates only on the new finding, and keeps one MR note', async () => {
    const p = makeProject(exampleCi(), {
      'src/server.js': `${FIXTURES}/base/server.js`,
      'src/config.js': 'examples/vulnerable-js/src/config.js',
      'package.json': 'packages/cli/test/fixtures/deps-project/package.json',
      'package-lock.json': 'packages/cli/test/fixtures/deps-project/package-lock.json',
    });
    await alpineImage(p.dir);
    const common = { GITLAB_CI: 'true', OSV_MIRROR_URL: osv.url, IMAGE_TAR: 'image.tar', DAST_WEBSITE: app.url, CI_API_V4_URL: gl.apiV4Url, CI_PROJECT_ID: '42', RAMPART_GITLAB_TOKEN: TOKEN };

    // 1. main: every scanner runs, the merged job gates nothing (its findings.json is the next baseline).
    const main = await run(p, { ...common, CI_DEFAULT_BRANCH: 'main' });
    expect(main.status, main.output).toBe(0);
    expect(main.output).toContain("the default branch's findings are the next baseline: gate off");
    const baseIds = ruleIds(join(mergedOut(p), 'findings.json'));
    expect(baseIds).toContain('js.taint.command-injection');
    expect(baseIds).not.toContain('js.taint.code-injection');
    for (const kind of ['secret', 'dependency', 'container', 'dast']) {
      const kinds = (JSON.parse(readFileSync(join(mergedOut(p), 'findings.json'), 'utf8')) as { findings: { kind: string }[] }).findings.map((f) => f.kind);
      expect(kinds, kind).toContain(kind);
    }
    expect(gl.notes).toHaveLength(0);
    // What GitLab would serve from main's latest successful pipeline.
    gl.addJobArtifactsFrom({ project: '42', ref: 'main', job: 'rampart-report', dir: join(p.dir, '.gitlab-ci-local/artifacts/rampart-report') });

    // 2. A merge request that fixes the command injection (X) and adds a code injection (Z).
    const git = (...args: string[]) => execFileSync('git', args, { cwd: p.dir, stdio: 'pipe' });
    git('checkout', '-q', '-b', 'feature');
    copyFileSync(resolve(ROOT, `${FIXTURES}/change/server.js`), join(p.dir, 'src/server.js'));
    git('add', 'src/server.js');
    git('-c', 'user.email=ci@example.com', '-c', 'user.name=ci', 'commit', '-qm', 'fix ping, add calc');
    const mr = {
      ...common, CI_DEFAULT_BRANCH: 'main', CI_PIPELINE_SOURCE: 'merge_request_event', CI_MERGE_REQUEST_IID: '3',
      CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main', CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'feature',
    };
    const first = await run(p, mr);
    expect(first.status, first.output).not.toBe(0);
    expect(first.output).toContain('baseline: rampart-reports/findings.json of job rampart-report on main');
    expect(first.output).toContain('Gate: FAILED: 1 new finding at or above high');
    expect(gl.calls.filter((c) => c.path === '/api/v4/projects/42/jobs/artifacts/main/raw/rampart-reports/findings.json' && c.status === 200)).toHaveLength(1);

    // One note, from the merged job only, with Z new and X fixed.
    expect(gl.notes).toHaveLength(1);
    const note = gl.notes[0]?.body ?? '';
    expect(note).toContain('<!-- rampart:merged -->');
    expect(note).toMatch(/Gate failed.*1 open finding at or above \*\*high\*\* \(new findings only\)/);
    expect(note).toMatch(/Compared with .*rampart\\-report on main.*: 1 new, 1 fixed, \d+ existing/);
    expect(note).toMatch(/\| SAST \| 1 \(🟥 1\) \| 1 \(🟥 1\) \| 0 \|/);
    expect(note).toMatch(/Critical · \*\*new\*\* \| \*\*Request data is evaluated as code\*\*/);
    expect(note).not.toContain(TOKEN);
    expect(readFileSync(join(mergedOut(p), 'summary.md'), 'utf8')).toContain('1 new, 1 fixed');

    // Free tier: Code Quality and JUnit carry Z; the security report validates.
    const out = mergedOut(p);
    expect(readFileSync(join(out, 'gl-code-quality-report.json'), 'utf8')).toContain('js.taint.code-injection');
    expect(readFileSync(join(out, 'merged.junit.xml'), 'utf8')).toContain('js.taint.code-injection');
    expect(readFileSync(join(out, 'gl-code-quality-report.json'), 'utf8')).not.toContain('js.taint.command-injection');
    expect(validateGitlab('sast', JSON.parse(readFileSync(join(out, 'gl-sast-report.json'), 'utf8')) as unknown)).toEqual([]);

    // 3. The same merge request again: the note is edited in place, never a second one.
    const noteId = gl.notes[0]?.id;
    writeFileSync(join(p.dir, 'README.md'), 'A second push to the merge request.\n');
    git('add', 'README.md');
    git('-c', 'user.email=ci@example.com', '-c', 'user.name=ci', 'commit', '-qm', 'readme');
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: p.dir, encoding: 'utf8' }).trim();
    const second = await run(p, mr);
    expect(second.status, second.output).not.toBe(0);
    expect(second.output).toContain('Gate: FAILED: 1 new finding at or above high');
    expect(gl.notes).toHaveLength(1);
    expect(gl.notes[0]?.id).toBe(noteId);
    expect(gl.notes[0]?.body).toContain(`/-/blob/${head}/src/server.js#L`);
    expect(gl.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/notes'))).toHaveLength(1);
    expect(gl.calls.filter((c) => c.method === 'PUT' && c.path.endsWith(`/notes/${noteId}`))).toHaveLength(1);
    expect(gl.calls.every((c) => !c.path.includes('/notes') || c.headers['private-token'] === TOKEN)).toBe(true);

    // 4. A merge request into a branch with no successful pipeline: no baseline, said so, and every finding gates.
    const noBase = await run(p, { ...mr, CI_MERGE_REQUEST_IID: '4', CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'release' });
    expect(noBase.status, noBase.output).not.toBe(0);
    expect(noBase.output).toMatch(/no baseline: no rampart-reports\/findings.json from job rampart-report in the latest successful pipeline on release/);
    expect(noBase.output).toMatch(/Gate: FAILED: [3-9] new findings at or above high/);
    const other = gl.notes.filter((n) => n.mergeRequestIid === 4);
    expect(other).toHaveLength(1);
    expect(other[0]?.body).toMatch(/latest successful pipeline on release/);
    expect(other[0]?.body).not.toMatch(/Compared with/);
    for (const r of [main, first, second, noBase]) expect(r.output).not.toContain(TOKEN);
  }, 600_000);
});
