import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RawFinding } from '@rampart/core';
import { recordingDeps } from '../testing/recording-deps.js';
import { finishRun, type Gathered } from './finish.js';
import { resolveSettings } from './settings.js';

const HEAD = '0123456789abcdef0123456789abcdef01234567';
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function gathered(): Gathered {
  const finding: RawFinding = {
    kind: 'sast',
    ruleId: 'js.eval',
    title: 'Use of eval',
    message: 'eval of request data',
    severity: 'high',
    identifiers: [],
    location: { type: 'source', path: 'src/app.js', startLine: 12, endLine: 14 },
    tool: { name: 'rampart-sast', version: '0.0.0' },
  };
  return { scanner: 'report', startedAt: new Date('2026-11-29T11:59:00Z'), findings: [finding], tools: [], notifications: [] };
}

describe('finishRun summary', () => {
  it('links findings to the PR head and states that no baseline was found', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rampart-finish-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'event.json'), JSON.stringify({ pull_request: { head: { sha: HEAD } } }));
    const { deps } = recordingDeps(dir, {
      GITHUB_ACTIONS: 'true',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: join(dir, 'event.json'),
      GITHUB_SHA: 'f'.repeat(40),
    });
    const settings = resolveSettings({ formats: 'markdown', newOnly: true, baselineSource: 'no successful run of this workflow on main' }, deps);
    const outcome = await finishRun(gathered(), settings, deps);
    expect(outcome.run.baselineSource).toBe('no successful run of this workflow on main');
    expect(outcome.exitCode).toBe(1);
    const md = readFileSync(join(dir, 'rampart-reports', 'summary.md'), 'utf8');
    expect(md).toContain(`[src/app\\.js:12](https://github.com/acme/app/blob/${HEAD}/src/app.js#L12-L14)`);
    expect(md).toContain('**No baseline found**: no successful run of this workflow on main. Every finding counts as new');
  });

  it('writes plain locations and no baseline line on a local run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rampart-finish-'));
    dirs.push(dir);
    const { deps } = recordingDeps(dir, {});
    await finishRun(gathered(), resolveSettings({ formats: 'markdown' }, deps), deps);
    const md = readFileSync(join(dir, 'rampart-reports', 'summary.md'), 'utf8');
    expect(md).toContain('| src/app\\.js:12 |');
    expect(md).not.toMatch(/baseline/i);
  });
});
