import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { validateCycloneDx, validateSpdx } from '../../packages/sbom/src/index.js';
import { startFakeArtifactService, unzip } from '../harness/fake-artifacts.js';
import { startFakeGithub, type FakeGithub } from '../harness/fake-github.js';
import { DEFAULT_TOKEN, runAction } from '../harness/github-runner.js';
import { ROOT, requireBuilt } from './paths.js';
import { actionCopy } from './support.js';

const ACTION = resolve(ROOT, 'actions/sbom');
const PROJECT = resolve(ROOT, 'packages/cli/test/fixtures/sbom-project');

let github: FakeGithub | undefined;
afterEach(async () => {
  await github?.close();
  github = undefined;
});


describe('actions/sbom from a copy of the action folder alone', () => {
  beforeAll(() => requireBuilt(join(ACTION, 'dist/index.js')));

  it('generates valid SBOMs in one step and submits the dependency snapshot in another', async () => {
    github = await startFakeGithub({ token: DEFAULT_TOKEN });
    const action = actionCopy('sbom');
    const actionYml = readFileSync(join(action, 'action.yml'), 'utf8');
    const checkout = mkdtempSync(join(tmpdir(), 'rampart-checkout-'));
    cpSync(PROJECT, checkout, { recursive: true });
    const common = { script: join(action, 'dist/index.js'), cwd: checkout, actionYml, apiUrl: github.url, eventName: 'push' };

    const gen = await runAction({ ...common, inputs: { 'fail-on': 'none' } });
    expect(gen.stderr).not.toMatch(/Cannot find|ERR_MODULE_NOT_FOUND/);
    expect(gen.code, gen.stdout + gen.stderr).toBe(0);
    const cdx = readFileSync(gen.outputs.cyclonedx ?? '', 'utf8');
    expect(await validateCycloneDx(cdx, '1.6')).toEqual([]);
    expect(validateSpdx(readFileSync(gen.outputs.spdx ?? '', 'utf8'))).toEqual([]);
    expect(cdx).toContain('pkg:npm/debug@4.3.4');
    // Generating never writes to GitHub: that step can run with contents: read.
    expect(github.calls.filter((c) => c.method !== 'GET')).toEqual([]);
    expect(gen.stdout).toMatch(/did not upload the SBOM artifact/);

    const sub = await runAction({ ...common, inputs: { mode: 'submit-snapshot', correlator: 'web' } });
    expect(sub.code, sub.stdout + sub.stderr).toBe(0);
    expect(sub.outputs.snapshot).toBe('submitted');
    expect(github.snapshots).toHaveLength(1);
    const body = github.snapshots[0]?.body as {
      ref: string;
      job: { correlator: string };
      detector: { name: string };
      manifests: Record<string, { resolved: Record<string, { relationship: string }> }>;
    };
    expect(body.ref).toBe('refs/heads/main');
    expect(body.job.correlator).toBe('security scan web');
    expect(body.detector.name).toBe('rampart');
    expect(Object.keys(body.manifests).sort()).toEqual(['package-lock.json', 'requirements.txt']);
    expect(body.manifests['package-lock.json']?.resolved['pkg:npm/debug@4.3.4']?.relationship).toBe('direct');
    // The token is masked (the runner is told to hide it) and never printed otherwise.
    expect(sub.stdout).toContain(`::add-mask::${DEFAULT_TOKEN}`);
    const printed = (sub.stdout + sub.stderr).split('\n').filter((l) => !l.startsWith('::add-mask::'));
    expect(printed.join('\n')).not.toContain(DEFAULT_TOKEN);
  });

  it('with a read-only token the submission is a notice and the step stays green', async () => {
    github = await startFakeGithub({ token: DEFAULT_TOKEN });
    github.denyWrites = 403;
    const action = actionCopy('sbom');
    const checkout = mkdtempSync(join(tmpdir(), 'rampart-checkout-'));
    cpSync(PROJECT, checkout, { recursive: true });
    const common = { script: join(action, 'dist/index.js'), cwd: checkout, actionYml: readFileSync(join(action, 'action.yml'), 'utf8'), apiUrl: github.url, eventName: 'push' };
    expect((await runAction({ ...common, inputs: { 'fail-on': 'none' } })).code).toBe(0);
    const sub = await runAction({ ...common, inputs: { mode: 'submit-snapshot' } });
    expect(sub.code).toBe(0);
    expect(sub.outputs.snapshot).toBe('skipped');
    expect(sub.stdout).toMatch(/::notice::.*contents: write/);
  });

  it('uploads the SBOMs as one workflow artifact through @actions/artifact', async () => {
    const artifacts = await startFakeArtifactService();
    try {
      const action = actionCopy('sbom');
      const checkout = mkdtempSync(join(tmpdir(), 'rampart-checkout-'));
      cpSync(PROJECT, checkout, { recursive: true });
      const res = await runAction({
        script: join(action, 'dist/index.js'),
        cwd: checkout,
        actionYml: readFileSync(join(action, 'action.yml'), 'utf8'),
        eventName: 'push',
        inputs: { 'fail-on': 'none', 'artifact-name': 'shop-sbom' },
        env: { ACTIONS_RUNTIME_TOKEN: artifacts.runtimeToken, ACTIONS_RESULTS_URL: artifacts.url },
      });
      expect(res.code, res.stdout + res.stderr).toBe(0);
      expect(artifacts.artifacts.map((a) => [a.name, a.finalized])).toEqual([['shop-sbom', true]]);
      const files = unzip(artifacts.artifacts[0]?.zip ?? Buffer.alloc(0));
      expect([...files.keys()].sort()).toEqual(['inventory.json', 'sbom.cdx.json', 'sbom.spdx.json']);
      expect(files.get('sbom.cdx.json')?.toString('utf8')).toBe(readFileSync(join(checkout, 'rampart-reports/sbom.cdx.json'), 'utf8'));
      expect(res.stdout).toMatch(/Uploaded the SBOM artifact "shop-sbom" \(3 files/);
    } finally {
      await artifacts.close();
    }
  });
});
