import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { validateSarifSchema } from '../../packages/core/src/writers/testing/validate.js';
import { serve, type Running } from '../../packages/dast/test/apps/serve.js';
import { vulnerableApp } from '../../packages/dast/test/apps/vulnerable.js';
import { startFakeZap, type FakeZap } from '../../packages/dast/test/support/fake-zap.js';
import { startFakeGithub, type FakeGithub } from '../harness/fake-github.js';
import { DEFAULT_TOKEN, runAction } from '../harness/github-runner.js';
import { ROOT, requireBuilt } from './paths.js';
import { actionCopy } from './support.js';

const ACTION = resolve(ROOT, 'actions/dast');
let app: Running;
let github: FakeGithub | undefined;
let zap: FakeZap | undefined;

beforeAll(async () => {
  requireBuilt(join(ACTION, 'dist/index.js'));
  app = await serve(vulnerableApp('http://127.0.0.1:9/'));
});
afterAll(async () => {
  await app.close();
});
afterEach(async () => {
  await github?.close();
  await zap?.close();
  github = undefined;
  zap = undefined;
});


describe('actions/dast from a copy of the action folder alone', () => {
  it('without Docker scans with the built-in engine, comments on the PR and writes valid SARIF', async () => {
    github = await startFakeGithub({ token: DEFAULT_TOKEN });
    const action = actionCopy('dast');
    const checkout = mkdtempSync(join(tmpdir(), 'rampart-checkout-'));
    const res = await runAction({
      script: join(action, 'dist/index.js'),
      cwd: checkout,
      actionYml: readFileSync(join(action, 'action.yml'), 'utf8'),
      apiUrl: github.url,
      inputs: { target: app.url, exclude: 'logout', 'fail-on': 'high' },
      // No docker on this PATH: the action must notice and use the built-in engine.
      env: { PATH: '/nonexistent' },
    });
    expect(res.stderr).not.toMatch(/Cannot find|ERR_MODULE_NOT_FOUND/);
    expect(res.code, res.stdout + res.stderr).toBe(0);
    expect(res.stdout).toMatch(/::notice::Docker is not available/);
    expect(Number(res.outputs.total)).toBeGreaterThanOrEqual(5);
    expect(github.comments).toHaveLength(1);
    expect(validateSarifSchema(JSON.parse(readFileSync(res.outputs.sarif ?? '', 'utf8')))).toEqual([]);
    expect(app.hits).not.toContain('GET /logout');
  });

  it('drives a running ZAP given by zap-url, with its key from the environment', async () => {
    zap = await startFakeZap({
      apiKey: 'k3y',
      alerts: [{ pluginId: '40018', alert: 'SQL Injection', name: 'SQL Injection', risk: 'High', confidence: 'Medium', cweid: '89', wascid: '19', url: `${app.url}search?q=1`, method: 'GET', param: 'q' }],
    });
    const action = actionCopy('dast');
    const res = await runAction({
      script: join(action, 'dist/index.js'),
      cwd: mkdtempSync(join(tmpdir(), 'rampart-checkout-')),
      actionYml: readFileSync(join(action, 'action.yml'), 'utf8'),
      eventName: 'push',
      inputs: { target: app.url, 'zap-url': zap.url, 'fail-on': 'high', comment: false },
      env: { ZAP_API_KEY: 'k3y' },
    });
    expect(res.code, res.stdout + res.stderr).toBe(1);
    expect(res.outputs.high).toBe('1');
    expect(zap.calls.map((c) => c.path)).toContain('spider/action/scan');
  });
});
