import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkSpecAgainstActionYml, readInputs, recordingIO } from '@rampart/ci';
import { describe, expect, it } from 'vitest';
import { IAC_INPUTS } from './inputs.js';
import { iacRequestFrom, run } from './main.js';

const here = resolve(import.meta.dirname, '..');
const fixture = resolve(here, '../../packages/iac/test/fixtures/project');

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-iac-action-'));
  cpSync(fixture, dir, { recursive: true });
  return dir;
}

const runnerEnv = (dir: string, inputs: Record<string, string>) => ({
  GITHUB_WORKSPACE: dir,
  GITHUB_REPOSITORY: 'acme/shop',
  GITHUB_SHA: 'c'.repeat(40),
  GITHUB_REF: 'refs/heads/main',
  ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
});

describe('actions/iac', () => {
  it('its input spec matches action.yml, defaults included', () => {
    expect(checkSpecAgainstActionYml(IAC_INPUTS, readFileSync(join(here, 'action.yml'), 'utf8'))).toEqual([]);
  });

  it('turns inputs into a request', () => {
    const inputs = readInputs(IAC_INPUTS, { INPUT_PATH: 'infra', 'INPUT_FAIL-ON': 'medium', 'INPUT_OUTPUT-DIR': 'out', 'INPUT_NEW-ONLY': 'true' });
    expect(iacRequestFrom(inputs)).toEqual({ path: 'infra', flags: { failOn: 'medium', outDir: 'out', newOnly: true } });
  });

  it('scans the workspace, sets outputs, and fails the step when the gate fails', async () => {
    const dir = workspace();
    const io = recordingIO();
    const code = await run({ io, env: runnerEnv(dir, { 'fail-on': 'high', comment: 'false' }), now: () => new Date('2026-01-01T00:00:00Z') });
    expect(code).toBe(1);
    expect(io.outputs).toMatchObject({ gate: 'failed', sarif: join(dir, 'rampart-reports/iac.sarif') });
    expect(Number(io.outputs.high)).toBeGreaterThanOrEqual(4);
    const sarif = JSON.parse(readFileSync(join(dir, 'rampart-reports/iac.sarif'), 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
    expect(sarif.runs[0]?.results.map((r) => r.ruleId)).toContain('gha.template-injection');
  });

  it('refuses an unknown fail-on with a failed step, not an exception', async () => {
    const io = recordingIO();
    expect(await run({ io, env: runnerEnv(workspace(), { 'fail-on': 'severe' }), now: () => new Date() })).toBe(2);
    expect(io.failed.join('\n')).toMatch(/fail-on/);
  });
});
