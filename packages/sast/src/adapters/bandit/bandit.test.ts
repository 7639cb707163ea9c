import { join } from 'node:path';
import { recordingLogger } from '@rampart/core';
import { describe, expect, it } from 'vitest';
import { runAdapters } from '../run-adapters.js';
import { FIXTURES } from '../test-support.js';
import { banditAdapter } from './index.js';

// Bandit itself runs here: the lead's CI installs it (`apt-get install bandit`) before the tests.
const ROOT = join(FIXTURES, 'python-vuln');
const env = () => ({ PATH: process.env['PATH'], HOME: process.env['HOME'] });

function at(findings: Awaited<ReturnType<typeof runAdapters>>['findings'], path: string, line: number) {
  return findings.filter((f) => f.location.type === 'source' && f.location.path === path && f.location.startLine === line);
}

describe('bandit adapter', () => {
  it('builds a recursive scan of the root, or a scan of the files, after `--`', () => {
    const settings = {};
    const whole = banditAdapter.args({ root: '/r', outFile: '/t/o.json', settings });
    expect(whole.slice(0, 2)).toEqual(['-r', '-x']);
    expect(whole[2]?.split(',')).toContain('*/node_modules/*');
    expect(whole.slice(3)).toEqual(['-q', '-f', 'json', '-o', '/t/o.json', '--', '/r']);
    expect(banditAdapter.args({ root: '/r', files: ['/r/-x.py'], outFile: '/t/o.json', settings })).toEqual(['-q', '-f', 'json', '-o', '/t/o.json', '--', '/r/-x.py']);
  });

  it('accepts exit 1, which bandit uses for "issues found"', () => {
    expect(banditAdapter.exitOk(1)).toBe(true);
  });

  it('runs the real bandit and maps its findings through core', async () => {
    const logger = recordingLogger();
    const result = await runAdapters(['bandit'], { root: ROOT, env: env(), logger });
    expect(result.notifications).toEqual([]);
    expect(result.tools.map((t) => t.name)).toEqual(['bandit']);

    const [shell] = at(result.findings, 'app.py', 8).filter((f) => f.ruleId === 'B602');
    expect(shell).toMatchObject({ kind: 'sast', severity: 'high', confidence: 'high', tool: { name: 'bandit' } });
    expect(shell?.location).toMatchObject({ snippet: '    return subprocess.call(cmd, shell=True)' });

    // Bandit < 1.7.5 reports MD5 as the B303 blacklist call; later versions as B324.
    const md5 = at(result.findings, 'app.py', 13).find((f) => f.ruleId === 'B303' || f.ruleId === 'B324');
    expect(md5?.severity).toMatch(/^(medium|high)$/);

    expect(at(result.findings, 'app.py', 18).map((f) => f.ruleId)).toContain('B307');
    // The file whose name starts with "-" was scanned as a file.
    expect(at(result.findings, '-notanoption.py', 6).map((f) => f.ruleId)).toContain('B301');
    // vendor/ holds a B602 too, but it is someone else's code.
    expect(result.findings.filter((f) => f.location.type === 'source' && f.location.path.startsWith('vendor/'))).toEqual([]);
    expect(logger.lines.some((l) => l.level === 'info' && /Bandit: \d+ findings/.test(l.message))).toBe(true);
  });

  it('scans only the given files, even one named like an option', async () => {
    const result = await runAdapters(['bandit'], { root: ROOT, files: ['-notanoption.py'], env: env(), logger: recordingLogger() });
    const paths = new Set(result.findings.map((f) => (f.location.type === 'source' ? f.location.path : '')));
    expect([...paths]).toEqual(['-notanoption.py']);
    expect(result.findings.map((f) => f.ruleId).sort()).toEqual(['B301', 'B403']);
  });

  it('makes paths relative to the report root above the scanned directory', async () => {
    const result = await runAdapters(['bandit'], { root: ROOT, reportRoot: FIXTURES, env: env(), logger: recordingLogger() });
    expect(at(result.findings, 'python-vuln/app.py', 8).map((f) => f.ruleId)).toContain('B602');
  });

  it('warns about files bandit could not parse, and keeps the findings in the others', async () => {
    const root = join(FIXTURES, 'python-broken');
    const result = await runAdapters(['bandit'], { root, env: env(), logger: recordingLogger() });
    expect(at(result.findings, 'ok.py', 5).map((f) => [f.ruleId, f.severity])).toEqual([['B506', 'medium']]);
    expect(result.notifications).toEqual([
      { level: 'warning', message: `Bandit: broken.py was not scanned: syntax error while parsing AST from file` },
    ]);
  });
});
