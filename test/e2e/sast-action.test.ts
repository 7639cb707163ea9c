import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGithub, type FakeGithub } from '../harness/fake-github.js';
import { runAction, DEFAULT_TOKEN } from '../harness/github-runner.js';
import { validateSarifSchema } from '../../packages/core/src/writers/testing/validate.js';
import { ROOT, requireBuilt } from './paths.js';
import { actionCopy } from './support.js';

const ACTION = resolve(ROOT, 'actions/sast');

let github: FakeGithub | undefined;
afterEach(async () => {
  await github?.close();
  github = undefined;
});


describe('actions/sast from a copy of the action folder alone', () => {
  beforeAll(() => requireBuilt(join(ACTION, 'dist/index.js')));

  it('scans a Python app with the vendored ast-grep, comments once and uploads valid SARIF', async () => {
    github = await startFakeGithub({ token: DEFAULT_TOKEN });
    const action = actionCopy('sast');
    const checkout = mkdtempSync(join(tmpdir(), 'rampart-checkout-'));
    cpSync(join(ROOT, 'examples/vulnerable-py'), checkout, { recursive: true });
    const res = await runAction({
      script: join(action, 'dist/index.js'),
      cwd: checkout,
      inputs: { 'fail-on': 'critical', 'upload-sarif': true },
      actionYml: readFileSync(join(action, 'action.yml'), 'utf8'),
      apiUrl: github.url,
    });
    expect(res.stderr).not.toMatch(/Cannot find|ERR_MODULE_NOT_FOUND/);
    expect(res.code, res.stdout + res.stderr).toBe(1);
    expect(Number(res.outputs.total)).toBeGreaterThanOrEqual(6);
    expect(res.outputs.gate).toBe('failed');
    expect(github.comments).toHaveLength(1);
    expect(github.comments[0]?.body).toMatch(/py\\?\.taint\\?\.sql/);
    const sarif = JSON.parse(github.sarifs[0]?.sarifText ?? '{}') as unknown;
    expect(validateSarifSchema(sarif)).toEqual([]);
    const annotations = res.commands.filter((c) => c.command === 'error' && c.properties.file === 'app/main.py');
    expect(annotations.length).toBeGreaterThan(0);
  });
});
