import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { validateSarifSchema } from '../../packages/core/src/writers/testing/validate.js';
import { startFakeGithub, type FakeGithub } from '../harness/fake-github.js';
import { DEFAULT_TOKEN, runAction } from '../harness/github-runner.js';
import { ROOT, requireBuilt } from './paths.js';
import { actionCopy } from './support.js';

const ACTION = resolve(ROOT, 'actions/iac');
const PROJECT = resolve(ROOT, 'packages/iac/test/fixtures/project');

let github: FakeGithub | undefined;
afterEach(async () => {
  await github?.close();
  github = undefined;
});


describe('actions/iac from a copy of the action folder alone', () => {
  beforeAll(() => requireBuilt(join(ACTION, 'dist/index.js')));

  it('finds the misconfigurations of every file kind, comments once, annotates and uploads valid SARIF', async () => {
    github = await startFakeGithub({ token: DEFAULT_TOKEN });
    const action = actionCopy('iac');
    const checkout = mkdtempSync(join(tmpdir(), 'rampart-checkout-'));
    cpSync(PROJECT, checkout, { recursive: true });
    const res = await runAction({
      script: join(action, 'dist/index.js'),
      cwd: checkout,
      inputs: { 'fail-on': 'high', 'upload-sarif': true },
      actionYml: readFileSync(join(action, 'action.yml'), 'utf8'),
      apiUrl: github.url,
    });
    expect(res.stderr).not.toMatch(/Cannot find|ERR_MODULE_NOT_FOUND/);
    expect(res.code, res.stdout + res.stderr).toBe(1);
    expect(res.outputs.gate).toBe('failed');
    expect(Number(res.outputs.high)).toBe(4);
    expect(github.comments).toHaveLength(1);
    expect(github.comments[0]?.body).toMatch(/gha\\?\.template\\?-injection/);
    const sarif = JSON.parse(github.sarifs[0]?.sarifText ?? '{}') as { runs: { results: { ruleId: string }[] }[] };
    expect(validateSarifSchema(sarif)).toEqual([]);
    expect(new Set(sarif.runs[0]?.results.map((r) => r.ruleId.split('.')[0]))).toEqual(new Set(['dockerfile', 'k8s', 'tf', 'gha', 'gitlab']));
    const annotations = res.commands.filter((c) => c.command === 'error' && c.properties.file === '.github/workflows/triage.yml');
    expect(annotations.length).toBe(1);
    // The broken manifest is named in a note of the summary, not a failed step.
    expect(github.comments[0]?.body).toMatch(/skipped deploy\/broken\\?\.yaml/);
  });
});
