import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkSpecAgainstActionYml, recordingIO } from '@rampart/ci';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGithub, type FakeGithub } from '../../../test/harness/fake-github.js';
import { SBOM_INPUTS } from './inputs.js';
import { run } from './main.js';

const here = resolve(import.meta.dirname, '..');
const fixture = resolve(here, '../../packages/cli/test/fixtures/sbom-project');
const TOKEN = 'ghs_sbomActionTestToken000000000000';
const FAST = { retryUnitMs: 1, writeIntervalMs: 0, notificationIntervalMs: 0 };

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-sbom-action-'));
  cpSync(fixture, dir, { recursive: true });
  return dir;
}

describe('actions/sbom', () => {
  let gh: FakeGithub;
  beforeEach(async () => {
    gh = await startFakeGithub({ token: TOKEN });
  });
  afterEach(async () => {
    await gh.close();
  });

  const runnerEnv = (dir: string, inputs: Record<string, string>) => ({
    GITHUB_WORKSPACE: dir, GITHUB_REPOSITORY: 'acme/shop', GITHUB_SHA: 'c'.repeat(40), GITHUB_REF: 'refs/heads/main',
    GITHUB_WORKFLOW: 'CI', GITHUB_JOB: 'sbom', GITHUB_RUN_ID: '7', GITHUB_API_URL: gh.url,
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  });

  it('its input spec matches action.yml, defaults included', () => {
    expect(checkSpecAgainstActionYml(SBOM_INPUTS, readFileSync(join(here, 'action.yml'), 'utf8'))).toEqual([]);
  });

  it('generates the SBOMs, sets outputs and uploads them as one artifact', async () => {
    const dir = workspace();
    const io = recordingIO();
    const uploads: { name: string; files: string[]; root: string }[] = [];
    const env = { ...runnerEnv(dir, { 'artifact-name': 'shop-sbom' }), ACTIONS_RUNTIME_TOKEN: 'x', ACTIONS_RESULTS_URL: 'http://127.0.0.1:1/' };
    const code = await run({
      io, env, now: () => new Date('2026-01-01T00:00:00Z'),
      uploadArtifact: async (name, files, root) => {
        uploads.push({ name, files, root });
        return { id: 5, size: 100 };
      },
    });
    expect(code, JSON.stringify(io.failed)).toBe(0);
    expect(io.outputs.cyclonedx).toBe(join(dir, 'rampart-reports/sbom.cdx.json'));
    expect(JSON.parse(readFileSync(io.outputs.cyclonedx ?? '', 'utf8'))).toMatchObject({ bomFormat: 'CycloneDX', specVersion: '1.6' });
    expect(uploads).toEqual([
      {
        name: 'shop-sbom',
        root: join(dir, 'rampart-reports'),
        files: ['sbom.cdx.json', 'sbom.spdx.json', 'inventory.json'].map((f) => join(dir, 'rampart-reports', f)),
      },
    ]);
    expect(gh.snapshots).toEqual([]);
  });

  it('outside Actions skips the artifact with a notice and stays green', async () => {
    const dir = workspace();
    const io = recordingIO();
    expect(await run({ io, env: runnerEnv(dir, {}), now: () => new Date() })).toBe(0);
    expect(io.at('notice').map((m) => m.message).join('\n')).toMatch(/did not upload the SBOM artifact/);
  });

  it('submit-snapshot sends the inventory a generate step wrote, and nothing else', async () => {
    const dir = workspace();
    expect(await run({ io: recordingIO(), env: runnerEnv(dir, { 'upload-artifact': 'false' }), now: () => new Date() })).toBe(0);
    const io = recordingIO();
    const code = await run({ io, env: runnerEnv(dir, { mode: 'submit-snapshot', 'github-token': TOKEN }), now: () => new Date(), octokit: FAST });
    expect(code, JSON.stringify(io.failed)).toBe(0);
    expect(io.outputs).toMatchObject({ snapshot: 'submitted', 'snapshot-id': '1' });
    const body = gh.snapshots[0]?.body as { manifests: Record<string, { resolved: Record<string, { relationship: string; scope: string }> }> };
    const npm = body.manifests['package-lock.json']?.resolved ?? {};
    expect(npm['pkg:npm/debug@4.3.4']).toMatchObject({ relationship: 'direct', scope: 'runtime' });
    expect(npm['pkg:npm/ms@2.1.2']).toMatchObject({ relationship: 'indirect' });
    expect(npm['pkg:npm/isarray@2.0.5']).toMatchObject({ scope: 'development' });
    expect(io.leakedSecrets()).toEqual([]);
  });

  it('submit-snapshot without an inventory is a user error naming the file', async () => {
    const dir = workspace();
    const io = recordingIO();
    expect(await run({ io, env: runnerEnv(dir, { mode: 'submit-snapshot', 'github-token': TOKEN }), now: () => new Date() })).toBe(2);
    expect(io.failed[0]).toMatch(/rampart-reports\/inventory\.json.*inventory file not found/);
  });

  it('a malformed lockfile fails the step with exit 2 naming it', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'package-lock.json'), '{"lockfileVersion": 99, "packages": {}}');
    const io = recordingIO();
    expect(await run({ io, env: runnerEnv(dir, {}), now: () => new Date() })).toBe(2);
    expect(io.failed[0]).toContain('package-lock.json');
  });
});
