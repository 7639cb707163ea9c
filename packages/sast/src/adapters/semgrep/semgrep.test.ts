import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAdapters } from '../run-adapters.js';
import { fakeEnv, readFakeCall, tempDir, testContext, writeFakeTool } from '../test-support.js';

describe('semgrep adapter (fake binary)', () => {
  it('passes the user configs as single option values and the root after `--`, and reads the JSON', async () => {
    const bin = await tempDir('rampart-bin-');
    const root = await tempDir('rampart-root-');
    await writeFakeTool(bin, 'semgrep', { report: 'semgrep.json', outFlag: '--output=' });
    const hostile = '$(touch pwned); rm -rf /';
    const ctx = testContext(root, fakeEnv(bin), { settings: { semgrepConfig: ['rules.yml', '-e', hostile] } });
    const result = await runAdapters(['semgrep'], ctx);

    const call = await readFakeCall(bin, 'semgrep');
    expect(call.cwd).toBe(root);
    expect(call.argv[0]).toBe('scan');
    expect(call.argv).toContain('--json');
    expect(call.argv).toContain('--metrics=off');
    expect(call.argv.filter((a) => a.startsWith('--config='))).toEqual(['--config=rules.yml', '--config=-e', `--config=${hostile}`]);
    expect(call.argv.slice(-2)).toEqual(['--', root]);
    expect(call.argv).not.toContain('--config=auto');
    // Nothing interpreted the hostile value.
    expect(existsSync(join(root, 'pwned'))).toBe(false);

    expect(result.tools).toEqual([{ name: 'semgrep', version: '1.95.0' }]);
    expect(result.findings).toHaveLength(2);
    const [shell, md5] = result.findings;
    expect(shell).toMatchObject({ ruleId: 'rules.python-subprocess-shell-true', severity: 'high', location: { path: 'src/app.py', startLine: 8 } });
    expect(shell?.identifiers).toContainEqual(expect.objectContaining({ type: 'cwe', value: 'CWE-78' }));
    expect(result.notifications).toEqual([
      { level: 'warning', message: `Semgrep: warn in src/broken.py: Syntax error at line ${root}/src/broken.py:3:` },
    ]);
    expect(md5).toMatchObject({ ruleId: 'rules.python-md5', severity: 'medium', location: { path: 'src/app.py', startLine: 13 } });
  });

  it('is skipped with a warning, without running, when no config is given', async () => {
    const bin = await tempDir('rampart-bin-');
    const root = await tempDir('rampart-root-');
    await writeFakeTool(bin, 'semgrep', { report: 'semgrep.json', outFlag: '--output=' });
    const ctx = testContext(root, fakeEnv(bin));
    const result = await runAdapters(['semgrep'], ctx);
    expect(result.findings).toEqual([]);
    expect(result.notifications).toHaveLength(1);
    expect(result.notifications[0]).toMatchObject({ level: 'warning' });
    expect(result.notifications[0]?.message).toMatch(/Semgrep .*skipped.*config/);
    expect(existsSync(join(bin, 'semgrep.call.json'))).toBe(false);
  });
});
