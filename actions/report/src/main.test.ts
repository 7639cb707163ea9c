import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkSpecAgainstActionYml, recordingIO } from '@rampart/ci';
import { describe, expect, it } from 'vitest';
import { REPORT_INPUTS } from './inputs.js';
import { expandFiles, run } from './main.js';

const here = resolve(import.meta.dirname, '..');

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-action-'));
  copyFileSync(join(here, 'test/fixtures/eslint.sarif'), join(dir, 'eslint.sarif'));
  return dir;
}

function env(dir: string, inputs: Record<string, string>): Record<string, string> {
  const e: Record<string, string> = { GITHUB_WORKSPACE: dir };
  for (const [k, v] of Object.entries(inputs)) e[`INPUT_${k.toUpperCase()}`] = v;
  return e;
}

const now = () => new Date('2026-11-29T12:00:00Z');

describe('actions/report', () => {
  it('its input spec matches action.yml, defaults included', () => {
    const yml = readFileSync(join(here, 'action.yml'), 'utf8');
    expect(checkSpecAgainstActionYml(REPORT_INPUTS, yml)).toEqual([]);
  });

  it('sets outputs and fails the step only through the gate', async () => {
    const dir = workspace();
    const io = recordingIO();
    const code = await run({ io, env: env(dir, { files: 'eslint.sarif', 'fail-on': 'high', comment: 'false' }), now });
    expect(code).toBe(1);
    expect(io.outputs).toMatchObject({ total: '2', high: '1', medium: '1', gate: 'failed' });
    expect(io.failed.join('\n')).toContain('gate failed');
    const ok = recordingIO();
    expect(await run({ io: ok, env: env(dir, { files: 'eslint.sarif', 'fail-on': 'none', comment: 'false' }), now })).toBe(0);
    expect(ok.outputs.gate).toBe('passed');
    expect(ok.failed).toEqual([]);
    expect(readFileSync(ok.outputs.sarif ?? '', 'utf8')).toContain('"2.1.0"');
  });

  it('bad inputs are named and exit 2', async () => {
    const dir = workspace();
    const io = recordingIO();
    expect(await run({ io, env: env(dir, { files: 'eslint.sarif', 'fail-on': 'severe' }), now })).toBe(2);
    expect(io.failed.join('\n')).toContain('fail-on');
    writeFileSync(join(dir, 'bad.json'), 'not json');
    const bad = recordingIO();
    expect(await run({ io: bad, env: env(dir, { files: 'bad.json' }), now })).toBe(2);
    expect(bad.failed.join('\n')).toContain('bad.json');
  });

  it('expands globs in files and refuses a glob that matches nothing', () => {
    const dir = workspace();
    writeFileSync(join(dir, 'other.sarif'), '{}');
    expect(expandFiles(['*.sarif'], dir)).toEqual(['eslint.sarif', 'other.sarif']);
    expect(() => expandFiles(['reports/*.json'], dir)).toThrow(/no file matches/);
  });
});
