import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeGitlab, type FakeGitlab } from '../../../test/harness/fake-gitlab.js';
import { main } from './main.js';
import type { CliDeps } from './deps.js';

const TOKEN = 'glpat-cliTestToken000000';
let gitlab: FakeGitlab | undefined;
afterEach(async () => {
  await gitlab?.close();
  gitlab = undefined;
});

function deps(cwd: string, env: Record<string, string>): CliDeps & { err: string[] } {
  const err: string[] = [];
  return {
    err,
    cwd,
    env,
    now: () => new Date('2026-11-29T12:00:00Z'),
    stdout: () => {},
    stderr: (t) => err.push(t),
    isTTY: false,
    readFile: (p) => readFileSync(p, 'utf8'),
    exists: (p) => existsSync(p),
  };
}

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
    expect(await main(['report', 'eslint.sarif', '--fail-on', 'none'], deps(dir, env))).toBe(0);
    expect(gitlab.notes).toHaveLength(1);
    expect(gitlab.notes[0]?.body).toContain('<!-- rampart:report -->');
    expect(gitlab.notes[0]?.body).toContain('security/detect-eval-with-expression'.replace(/-/g, '\\-'));
    expect(await main(['report', 'eslint.sarif', '--fail-on', 'none'], deps(dir, env))).toBe(0);
    expect(gitlab.notes).toHaveLength(1);
    expect(gitlab.calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it('a token without write permission is a notice, not a failure', async () => {
    gitlab = await startFakeGitlab({ token: TOKEN });
    gitlab.denyWrites = 403;
    const dir = mkdtempSync(join(tmpdir(), 'rampart-gl-'));
    copyFileSync(resolve(import.meta.dirname, '../test/fixtures/basic/eslint.sarif'), join(dir, 'eslint.sarif'));
    const d = deps(dir, {
      GITLAB_CI: 'true',
      CI_PROJECT_ID: '42',
      CI_API_V4_URL: gitlab.apiV4Url,
      CI_MERGE_REQUEST_IID: '5',
      RAMPART_GITLAB_TOKEN: TOKEN,
    });
    expect(await main(['report', 'eslint.sarif', '--fail-on', 'none'], d)).toBe(0);
    expect(gitlab.notes).toHaveLength(0);
    expect(d.err.join('')).toMatch(/note/i);
    expect(d.err.join('')).not.toContain(TOKEN);
  });
});
