import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkSpecAgainstActionYml, recordingIO } from '@rampart/ci';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type Running } from '../../../packages/dast/test/apps/serve.js';
import { vulnerableApp } from '../../../packages/dast/test/apps/vulnerable.js';
import { startFakeZap, type FakeZap } from '../../../packages/dast/test/support/fake-zap.js';
import { DAST_INPUTS } from './inputs.js';
import { run } from './main.js';
import type { Exec } from './zap-container.js';

const here = resolve(import.meta.dirname, '..');
let app: Running;
let zap: FakeZap;

beforeAll(async () => {
  app = await serve(vulnerableApp('http://127.0.0.1:9/'));
  zap = await startFakeZap({
    apiKey: 'not-yet',
    alerts: [{ pluginId: '40012', alert: 'Cross Site Scripting (Reflected)', name: 'Cross Site Scripting (Reflected)', risk: 'High', confidence: 'Medium', cweid: '79', wascid: '8', url: `${'http://127.0.0.1:3000/'}search?q=x`, method: 'GET', param: 'q' }],
  });
});
afterAll(async () => {
  await Promise.all([app.close(), zap.close()]);
});

function env(inputs: Record<string, string>) {
  const workspace = mkdtempSync(join(tmpdir(), 'rampart-dast-action-'));
  return {
    GITHUB_WORKSPACE: workspace, GITHUB_REPOSITORY: 'acme/shop', GITHUB_SHA: 'c'.repeat(40), GITHUB_REF: 'refs/heads/main',
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  };
}

/** A Docker CLI that "starts" ZAP by handing the generated key to the fake ZAP API. */
function fakeDocker(calls: string[][], present = true): Exec {
  return async (file, args) => {
    calls.push([file, ...args]);
    if (!present) throw new Error('spawn docker ENOENT');
    if (args[0] === 'run') {
      const key = args.find((a) => a.startsWith('api.key='))?.slice('api.key='.length) ?? '';
      zap.setApiKey(key);
      return { stdout: `${'ab'.repeat(32)}\n` };
    }
    return { stdout: '27.0.0\n' };
  };
}

describe('actions/dast', () => {
  it('its input spec matches action.yml, defaults included', () => {
    expect(checkSpecAgainstActionYml(DAST_INPUTS, readFileSync(join(here, 'action.yml'), 'utf8'))).toEqual([]);
  });

  it('starts ZAP in Docker with a fresh masked API key, drives it, and leaves the container id for the post step', async () => {
    const io = recordingIO();
    const calls: string[][] = [];
    const port = new URL(zap.url).port;
    const code = await run({ io, env: env({ target: 'http://127.0.0.1:3000/', 'zap-port': port, 'fail-on': 'high', comment: 'false' }), now: () => new Date(), exec: fakeDocker(calls) });
    expect(code).toBe(1);
    const runArgs = calls.find((c) => c[1] === 'run') ?? [];
    expect(runArgs).toEqual(expect.arrayContaining(['docker', 'run', '--detach', 'ghcr.io/zaproxy/zaproxy:stable', 'zap.sh', '-daemon', '-port', port]));
    const key = runArgs.find((a) => a.startsWith('api.key='))?.slice(8) ?? '';
    expect(key).toMatch(/^[0-9a-f]{48}$/);
    expect(io.secrets).toContain(key);
    expect(io.state['zap-container']).toBe('ab'.repeat(32));
    expect(io.outputs.high).toBe('1');
    expect(io.leakedSecrets()).toEqual([]);
  });

  it('falls back to the built-in engine, with a notice, when Docker is missing', async () => {
    const io = recordingIO();
    const code = await run({ io, env: env({ target: app.url, 'fail-on': 'none', comment: 'false', exclude: 'logout' }), now: () => new Date(), exec: fakeDocker([], false) });
    expect(code, io.failed.join('\n')).toBe(0);
    expect(io.at('notice').map((m) => m.message).join('\n')).toMatch(/built-in engine/);
    expect(Number(io.outputs.total)).toBeGreaterThanOrEqual(5);
  });

  it('engine zap without Docker or zap-url is a user error', async () => {
    const io = recordingIO();
    expect(await run({ io, env: env({ target: app.url, engine: 'zap' }), now: () => new Date(), exec: fakeDocker([], false) })).toBe(2);
    expect(io.failed[0]).toMatch(/zap-url/);
  });
});
