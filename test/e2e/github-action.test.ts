import { cpSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGithub, type FakeGithub } from '../harness/fake-github.js';
import { runAction, DEFAULT_TOKEN } from '../harness/github-runner.js';
import { validateSarifSchema } from '../../packages/core/src/writers/testing/validate.js';
import { EXAMPLE_REPORTS, REPORT_ACTION, ROOT, requireBuilt } from './paths.js';

const actionYml = readFileSync(resolve(ROOT, 'actions/report/action.yml'), 'utf8');

function checkout(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-gh-'));
  cpSync(EXAMPLE_REPORTS, join(dir, 'reports'), { recursive: true });
  return dir;
}

let github: FakeGithub | undefined;
afterEach(async () => {
  await github?.close();
  github = undefined;
});

describe('actions/report/dist/index.js run as the GitHub runner runs it', () => {
  beforeAll(() => {
    requireBuilt(REPORT_ACTION);
  });

  it('creates the sticky PR comment once, updates it on the second run, and uploads valid SARIF', async () => {
    github = await startFakeGithub({ token: DEFAULT_TOKEN });
    const cwd = checkout();
    const files = readdirSync(join(cwd, 'reports')).map((f) => `reports/${f}`);
    const inputs = { files, 'fail-on': 'none', 'upload-sarif': true };
    const first = await runAction({ script: REPORT_ACTION, cwd, inputs, actionYml, apiUrl: github.url });
    expect(first.code, first.stderr + first.stdout).toBe(0);
    expect(github.comments).toHaveLength(1);
    const firstBody = github.comments[0]?.body ?? '';
    expect(firstBody).toContain('<!-- rampart:report -->');
    expect(Number(first.outputs.total)).toBeGreaterThan(0);
    expect(first.outputs.gate).toBe('passed');
    expect(first.summary).toContain('Rampart');
    // The token is masked before anything else is printed, and appears in no other log line.
    expect(first.masked).toContain(DEFAULT_TOKEN);
    const logLines = first.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::'));
    expect(logLines.filter((l) => l.includes(DEFAULT_TOKEN))).toEqual([]);

    const second = await runAction({ script: REPORT_ACTION, cwd, inputs, actionYml, apiUrl: github.url });
    expect(second.code, second.stderr).toBe(0);
    expect(github.comments).toHaveLength(1);
    const posts = github.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/comments'));
    expect(posts).toHaveLength(1);

    expect(github.sarifs.length).toBeGreaterThanOrEqual(1);
    const upload = github.sarifs[0];
    expect(upload?.body.commit_sha).toMatch(/^[0-9a-f]{40}$/);
    expect(upload?.body.ref).toMatch(/^refs\/pull\/\d+\/merge$/);
    const sarif = JSON.parse(upload?.sarifText ?? '{}') as unknown;
    expect(validateSarifSchema(sarif)).toEqual([]);
  });

  it('a fork PR token that cannot write degrades to summary and outputs, not a red step', async () => {
    github = await startFakeGithub({ token: DEFAULT_TOKEN });
    github.denyWrites = 403;
    const cwd = checkout();
    const res = await runAction({
      script: REPORT_ACTION,
      cwd,
      inputs: { files: 'reports/*', 'fail-on': 'none', 'upload-sarif': true },
      actionYml,
      apiUrl: github.url,
    });
    expect(res.code, res.stderr).toBe(0);
    expect(github.comments).toHaveLength(0);
    expect(res.outputs.gate).toBe('passed');
    expect(res.summary.length).toBeGreaterThan(0);
    const notices = res.commands.filter((c) => c.command === 'notice' || c.command === 'warning');
    expect(notices.map((c) => c.message).join('\n')).toMatch(/permission|fork|skipped/i);
  });

  it('the gate fails the step with exit 1 and says why', async () => {
    github = await startFakeGithub({ token: DEFAULT_TOKEN });
    const res = await runAction({
      script: REPORT_ACTION,
      cwd: checkout(),
      inputs: { files: 'reports/*', 'fail-on': 'low', comment: false },
      actionYml,
      apiUrl: github.url,
    });
    expect(res.code).toBe(1);
    expect(res.outputs.gate).toBe('failed');
    expect(res.commands.some((c) => c.command === 'error' && /gate failed/i.test(c.message))).toBe(true);
  });
});
