import { describe, expect, it } from 'vitest';
import { runAdapters } from '../run-adapters.js';
import { fakeEnv, readFakeCall, tempDir, testContext, writeFakeTool } from '../test-support.js';
import { gitleaksAdapter } from './index.js';

describe('gitleaks adapter (fake binary)', () => {
  it('scans the working tree with redaction and reads the leaks as secret findings', async () => {
    const bin = await tempDir('rampart-bin-');
    const root = await tempDir('rampart-root-');
    await writeFakeTool(bin, 'gitleaks', { report: 'gitleaks.json', outFlag: '--report-path=' });
    const result = await runAdapters(['gitleaks'], testContext(root, fakeEnv(bin), { files: ['config/settings.py'] }));

    const { argv } = await readFakeCall(bin, 'gitleaks');
    expect(argv.slice(0, 2)).toEqual(['detect', '--no-git']);
    expect(argv).toContain('--redact');
    expect(argv).toContain('--exit-code=0');
    expect(argv).toContain('--report-format=json');
    // One source directory: a file list cannot be passed on, so the root is scanned.
    expect(argv).toContain(`--source=${root}`);

    expect(result.findings).toHaveLength(1);
    const [leak] = result.findings;
    expect(leak).toMatchObject({ kind: 'secret', ruleId: 'aws-access-token', location: { type: 'source', path: 'config/settings.py', startLine: 4 } });
    expect(JSON.stringify(leak)).not.toMatch(/AKIA/);
  });

  it('treats exit 1 as an error, because leaks found exit 0 with --exit-code=0', () => {
    expect(gitleaksAdapter.exitOk(0)).toBe(true);
    expect(gitleaksAdapter.exitOk(1)).toBe(false);
  });
});
