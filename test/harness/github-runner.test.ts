import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_TOKEN, runAction } from './github-runner.js';

const fixture = fileURLToPath(new URL('../../packages/ci/test/fixtures/tiny-action/', import.meta.url));
const script = join(fixture, 'index.mjs');
const actionYml = readFileSync(join(fixture, 'action.yml'), 'utf8');
const workspace = mkdtempSync(join(tmpdir(), 'rampart-ws-'));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

describe('runAction', () => {
  it('runs an @actions/core action like the runner and reads back what it did', async () => {
    const r = await runAction({ script, cwd: workspace, actionYml, inputs: { who: 'Rampart' }, pullRequestNumber: 12 });
    expect(r.code).toBe(0);
    expect(r.outputs).toEqual({ greeting: 'hello Rampart\nsecond line', pr: '12', cwd: workspace });
    expect(r.summary).toContain('<h1>Tiny summary</h1>');
    expect(r.summary).toContain('Greeted Rampart.');
    // The token came from the action.yml default `${{ github.token }}`, and was masked.
    expect(r.masked).toEqual([DEFAULT_TOKEN]);
    const warning = r.commands.find((c) => c.command === 'warning');
    expect(warning).toEqual({ command: 'warning', properties: { file: 'src/a,b.ts', line: '3', title: 'T: x' }, message: 'look here, 50% sure' });
    expect(r.env.GITHUB_REF).toBe('refs/pull/12/merge');
  });

  it('reports a failed step with exit code 1 and does not inherit the host environment', async () => {
    const r = await runAction({ script, cwd: workspace, actionYml, inputs: { fail: true }, eventName: 'push', env: { EXTRA: '1' } });
    expect(r.code).toBe(1);
    expect(r.commands.some((c) => c.command === 'error' && c.message === 'asked to fail')).toBe(true);
    expect(r.outputs.pr).toBe('none');
    expect(r.outputs.greeting).toBe('hello world\nsecond line');
    expect(r.env.GITHUB_REF).toBe('refs/heads/main');
    expect(Object.keys(r.env).filter((k) => !/^(INPUT_|GITHUB_|RUNNER_)/.test(k)).sort()).toEqual(['CI', 'EXTRA', 'HOME', 'PATH']);
  });
});
