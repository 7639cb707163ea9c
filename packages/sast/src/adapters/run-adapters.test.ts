import { readdir } from 'node:fs/promises';
import { ServiceError, UserError } from '@rampart/core';
import { describe, expect, it } from 'vitest';
import { runAdapters } from './run-adapters.js';
import { fakeEnv, readFakeCall, tempDir, testContext, writeFakeTool } from './test-support.js';

async function setup() {
  return { bin: await tempDir('rampart-bin-'), root: await tempDir('rampart-root-') };
}

describe('runAdapters', () => {
  it('warns, without failing, when an enabled tool is not on PATH', async () => {
    const { bin, root } = await setup();
    const ctx = testContext(root, fakeEnv(bin));
    const result = await runAdapters(['gitleaks'], ctx);
    expect(result).toEqual({
      findings: [],
      tools: [],
      notifications: [{ level: 'warning', message: 'Gitleaks is enabled but was skipped: `gitleaks` is not on PATH' }],
    });
    expect(ctx.logger.lines.filter((l) => l.level === 'warn')).toHaveLength(1);
  });

  it('throws ServiceError naming the tool, its exit status and the end of its stderr when it crashes', async () => {
    const { bin, root } = await setup();
    await writeFakeTool(bin, 'eslint', { outFlag: '--output-file', exitCode: 2, stderr: 'Oops! Something went wrong!\nESLint couldn\'t find an eslint.config.js file.\n' });
    const run = runAdapters(['eslint'], testContext(root, fakeEnv(bin)));
    await expect(run).rejects.toThrow(ServiceError);
    await expect(run).rejects.toThrow(/^ESLint failed: exited with status 2; its output ended with:\nOops! .*\nESLint couldn't find an eslint\.config\.js file\.$/);
  });

  it('keeps the other tools and reports an error notification when an optional tool fails', async () => {
    const { bin, root } = await setup();
    await writeFakeTool(bin, 'eslint', { outFlag: '--output-file', exitCode: 2, stderr: 'boom' });
    await writeFakeTool(bin, 'gitleaks', { report: 'gitleaks.json', outFlag: '--report-path=' });
    const ctx = testContext(root, fakeEnv(bin), { optional: ['eslint'] });
    const result = await runAdapters(['eslint', 'gitleaks'], ctx);
    expect(result.findings.map((f) => f.ruleId)).toEqual(['aws-access-token']);
    expect(result.tools.map((t) => t.name)).toEqual(['gitleaks']);
    expect(result.notifications).toEqual([{ level: 'error', message: 'ESLint failed: exited with status 2; its output ended with:\nboom' }]);
  });

  it('fails when a tool exits normally but writes no report (bandit exits 1 on a crash too)', async () => {
    const { bin, root } = await setup();
    await writeFakeTool(bin, 'bandit', { outFlag: '-o', exitCode: 1, stderr: 'Traceback (most recent call last):\nImportError: x' });
    await expect(runAdapters(['bandit'], testContext(root, fakeEnv(bin)))).rejects.toThrow(/Bandit failed: exited with status 1 but wrote no report.*\n.*\nImportError: x$/);
  });

  it('fails when the report is not in the tool format', async () => {
    const { bin, root } = await setup();
    await writeFakeTool(bin, 'bandit', { report: 'gitleaks.json', outFlag: '-o' });
    await expect(runAdapters(['bandit'], testContext(root, fakeEnv(bin)))).rejects.toThrow(/Bandit failed: wrote a report rampart cannot read: bandit report:/);
  });

  it('stops a tool that runs past the timeout and fails naming it', async () => {
    const { bin, root } = await setup();
    await writeFakeTool(bin, 'gitleaks', { outFlag: '--report-path=', hang: true });
    const run = runAdapters(['gitleaks'], testContext(root, fakeEnv(bin), { timeoutMs: 300 }));
    await expect(run).rejects.toThrow(/^Gitleaks failed: timed out after .* and was stopped/);
  });

  it('rejects unknown tool ids as a user error, before running anything', async () => {
    const { bin, root } = await setup();
    await writeFakeTool(bin, 'bandit', { report: 'gitleaks.json', outFlag: '-o' });
    await expect(runAdapters(['bandit', 'trivy'], testContext(root, fakeEnv(bin)))).rejects.toThrow(UserError);
    await expect(runAdapters(['bandit'], testContext(root, fakeEnv(bin), { optional: ['banditt'] }))).rejects.toThrow(/unknown tool "banditt"/);
    await expect(readdir(bin)).resolves.not.toContain('bandit.call.json');
  });

  it('runs a tool named twice once, ignores empty ids, and removes its temporary files', async () => {
    const { bin, root } = await setup();
    const tmp = await tempDir('rampart-tmp-');
    await writeFakeTool(bin, 'gitleaks', { report: 'gitleaks.json', outFlag: '--report-path=' });
    const result = await runAdapters(['gitleaks', '', ' gitleaks '], testContext(root, fakeEnv(bin), { tmpDir: tmp }));
    expect(result.findings).toHaveLength(1);
    const { argv } = await readFakeCall(bin, 'gitleaks');
    expect(argv.find((a) => a.startsWith('--report-path='))).toMatch(new RegExp(`^--report-path=${tmp}/rampart-adapters-`));
    expect(await readdir(tmp)).toEqual([]);
  });

  it('does nothing for an empty list', async () => {
    const { root } = await setup();
    expect(await runAdapters([], testContext(root, {}))).toEqual({ findings: [], tools: [], notifications: [] });
  });

  it('lists report entries the reader skipped as warnings', async () => {
    const { bin, root } = await setup();
    const report = JSON.stringify([{ RuleID: 'generic-api-key', File: `${root}/a.env`, StartLine: 1, Secret: 'REDACTED' }, { RuleID: 'x', Secret: 'REDACTED' }]);
    await writeFakeTool(bin, 'gitleaks', { reportText: report, outFlag: '--report-path=' });
    const result = await runAdapters(['gitleaks'], testContext(root, fakeEnv(bin)));
    expect(result.findings.map((f) => f.location.type === 'source' && f.location.path)).toEqual(['a.env']);
    expect(result.notifications).toHaveLength(1);
    expect(result.notifications[0]).toMatchObject({ level: 'warning' });
    expect(result.notifications[0]?.message).toMatch(/^Gitleaks: \[1\]: /);
  });
});
