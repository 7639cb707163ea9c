import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NOTE_MAX_CHARS } from '@rampart/ci';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGitlab, type FakeGitlab } from '../../../../test/harness/fake-gitlab.js';
import { main } from '../main.js';
import { recordingDeps } from '../testing/recording-deps.js';

const TOKEN = 'glpat-noteSizeToken000000';
let gl: FakeGitlab;
beforeEach(async () => {
  gl = await startFakeGitlab({ token: TOKEN });
});
afterEach(async () => {
  await gl.close();
});

const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;

function bigFindingsFile(n: number): string {
  const findings = Array.from({ length: n }, (_, i) => ({
    fingerprint: `fp-${i}`,
    kind: i % 2 === 0 ? 'sast' : 'dependency',
    ruleId: `rule-${i % 97}`,
    title: `Finding number ${i} with a title long enough to take room`,
    message: `A message that explains finding ${i} at some length, as real scanners do. `.repeat(3),
    severity: SEVERITIES[i % SEVERITIES.length],
    identifiers: [],
    location:
      i % 2 === 0
        ? { type: 'source', path: `src/module-${i % 300}/file-${i}.js`, startLine: (i % 500) + 1 }
        : { type: 'package', purl: `pkg:npm/pkg-${i}@1.0.${i}`, name: `pkg-${i}`, version: `1.0.${i}`, ecosystem: 'npm', file: 'package-lock.json' },
    tool: { name: 'rampart', version: '1.0.0' },
  }));
  return JSON.stringify({ rampart: 1, generatedAt: '2026-11-28T10:00:00.000Z', tools: [{ name: 'rampart', version: '1.0.0' }], findings });
}

describe('the merged MR note with 10,000 findings', () => {
  it('stays within GitLab’s note limit and says what was cut', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rampart-glsize-'));
    writeFileSync(join(dir, 'findings.json'), bigFindingsFile(10_000));
    const d = recordingDeps(dir, {
      GITLAB_CI: 'true', CI_PROJECT_ID: '42', CI_API_V4_URL: gl.apiV4Url, CI_MERGE_REQUEST_IID: '9', CI_JOB_NAME: 'rampart-report', RAMPART_GITLAB_TOKEN: TOKEN,
    });
    expect(await main(['merge', 'findings.json', '--fail-on', 'none'], d.deps)).toBe(0);
    expect(gl.notes).toHaveLength(1);
    const body = gl.notes[0]?.body ?? '';
    expect(body.length).toBeLessThanOrEqual(NOTE_MAX_CHARS);
    expect(body).toContain('<!-- rampart:merged -->');
    expect(body).toMatch(/… and [\d,]+ more findings not shown/);
    expect(body).not.toContain('Cut short: larger than GitLab allows');
  });
});
