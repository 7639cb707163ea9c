import { cpSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkSpecAgainstActionYml, recordingIO } from '@rampart/ci';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOsvServer, type OsvTestServer } from '../../../packages/vulns/src/db/testing/osv-server.js';
import { DEPS_INPUTS } from './inputs.js';
import { run } from './main.js';

const here = resolve(import.meta.dirname, '..');
const project = resolve(here, '../../packages/cli/test/fixtures/deps-project');
const records = resolve(here, '../../packages/vulns/test/fixtures/osv');
let osv: OsvTestServer;

beforeAll(async () => {
  osv = await startOsvServer(readdirSync(records).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(records, f), 'utf8')) as Record<string, unknown>));
});
afterAll(async () => {
  await osv.close();
});

describe('actions/dependency-scan', () => {
  it('its input spec matches action.yml, defaults included', () => {
    expect(checkSpecAgainstActionYml(DEPS_INPUTS, readFileSync(join(here, 'action.yml'), 'utf8'))).toEqual([]);
  });

  it('scans the lockfiles against OSV and fails the gate on the lodash advisory', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'rampart-deps-action-'));
    cpSync(project, workspace, { recursive: true });
    const io = recordingIO();
    const code = await run({
      io,
      env: { GITHUB_WORKSPACE: workspace, GITHUB_REPOSITORY: 'acme/shop', 'INPUT_OSV-URL': osv.url, 'INPUT_FAIL-ON': 'high', INPUT_COMMENT: 'false' },
      now: () => new Date(),
    });
    expect(code, io.failed.join('\n')).toBe(1);
    expect(Number(io.outputs.high)).toBeGreaterThanOrEqual(1);
    expect(io.failed[0]).toMatch(/gate failed/);
  });
});
