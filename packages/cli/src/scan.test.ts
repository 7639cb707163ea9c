import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main.js';
import { recordingDeps as deps } from './testing/recording-deps.js';


function repo(): { dir: string; git: (...args: string[]) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-scan-'));
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: dir, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  return { dir, git };
}

type Summary = { counts: { total: number }; gate: { causes: { ruleId: string }[] } };

describe('rampart sast and secrets on a git checkout', () => {
  it('--changed-since scans only the files changed since the ref', async () => {
    const { dir, git } = repo();
    writeFileSync(join(dir, 'old.js'), "const cp = require('child_process');\ncp.exec('ls ' + process.argv[2]);\n");
    git('add', '-A');
    git('commit', '-qm', 'base');
    writeFileSync(join(dir, 'new.py'), 'import os\nimport sys\nos.system("ls " + sys.argv[1])\n');
    git('add', '-A');
    git('commit', '-qm', 'change');
    const all = deps(dir);
    expect(await main(['sast', '.', '--fail-on', 'none', '--json', '--formats', 'json'], all.deps)).toBe(0);
    const changed = deps(dir);
    expect(await main(['sast', '.', '--changed-since', 'HEAD~1', '--fail-on', 'low', '--json', '--formats', 'json'], changed.deps)).toBe(1);
    const a = JSON.parse(all.out()) as Summary;
    const c = JSON.parse(changed.out()) as Summary;
    expect(a.counts.total).toBeGreaterThan(c.counts.total);
    expect(c.gate.causes.every((f) => f.ruleId.startsWith('py.'))).toBe(true);
    const bad = deps(dir);
    expect(await main(['sast', '.', '--changed-since', 'no-such-ref'], bad.deps)).toBe(2);
    expect(bad.err()).toContain('--changed-since');
  });

  it('finds a secret that is gone from the tree only with --history-since, and never prints it', async () => {
    const { dir, git } = repo();
    const key = ['AKIA', 'Z7QH4XK2PLMN3VRT'].join('');
    writeFileSync(join(dir, 'settings.py'), `AWS_ACCESS_KEY_ID = "${key}"\n`);
    git('add', '-A');
    git('commit', '-qm', 'oops');
    rmSync(join(dir, 'settings.py'));
    writeFileSync(join(dir, 'settings.py'), 'import os\nAWS_ACCESS_KEY_ID = os.environ["AWS_ACCESS_KEY_ID"]\n');
    git('commit', '-qam', 'fix');
    const tree = deps(dir);
    expect(await main(['secrets', '.', '--fail-on', 'high', '--out-dir', 'r1'], tree.deps)).toBe(0);
    const history = deps(dir);
    expect(await main(['secrets', '.', '--history-since', '', '--fail-on', 'high', '--out-dir', 'r2'], history.deps)).toBe(1);
    for (const f of ['findings.json', 'secrets.sarif', 'gl-secret-detection-report.json', 'summary.md', 'secrets.junit.xml']) {
      expect(readFileSync(join(dir, 'r2', f), 'utf8'), f).not.toContain(key);
    }
    expect(history.out()).not.toContain(key);
  });

  it('bad --shard and a missing path are usage errors', async () => {
    const { dir } = repo();
    const shard = deps(dir);
    expect(await main(['sast', '.', '--shard', '5/4'], shard.deps)).toBe(2);
    expect(shard.err()).toContain('--shard');
    const missing = deps(dir);
    expect(await main(['sast', 'nope'], missing.deps)).toBe(2);
    expect(missing.err()).toContain('nope');
  });

  it('--with bandit runs the real Bandit and merges its findings with ours', async () => {
    const { dir } = repo();
    writeFileSync(join(dir, 'app.py'), 'import subprocess\nimport sys\nsubprocess.call("ls " + sys.argv[1], shell=True)\n');
    const io = deps(dir);
    io.deps.env = { PATH: process.env.PATH };
    expect(await main(['sast', '.', '--with', 'bandit', '--fail-on', 'none', '--formats', 'json'], io.deps)).toBe(0);
    const out = JSON.parse(readFileSync(join(dir, 'rampart-reports/findings.json'), 'utf8')) as {
      tools: { name: string }[];
      findings: { ruleId: string; tool: { name: string } }[];
    };
    expect(out.tools.map((t) => t.name.toLowerCase())).toContain('bandit');
    expect(out.findings.some((f) => f.ruleId === 'B602')).toBe(true);
    expect(out.findings.some((f) => f.tool.name === 'rampart-sast')).toBe(true);
  });
});

describe('rampart scan and IaC', () => {
  it('adds the IaC findings of a Dockerfile unless --no-iac', async () => {
    const { dir } = repo();
    writeFileSync(join(dir, 'Dockerfile'), 'FROM node:latest\nRUN curl -fsSL https://example.test/install.sh | sh\n');
    const d = deps(dir);
    expect(await main(['scan', '.', '--fail-on', 'none', '--formats', 'json', '--no-sbom'], d.deps), d.err()).toBe(0);
    const kinds = (JSON.parse(readFileSync(join(dir, 'rampart-reports/findings.json'), 'utf8')) as { findings: { kind: string; location: { path?: string } }[] }).findings;
    expect(kinds.filter((f) => f.kind === 'iac').map((f) => f.location.path)).toContain('Dockerfile');
    const off = deps(dir);
    expect(await main(['scan', '.', '--fail-on', 'none', '--formats', 'json', '--no-sbom', '--no-iac', '--out-dir', 'off'], off.deps)).toBe(0);
    expect((JSON.parse(readFileSync(join(dir, 'off/findings.json'), 'utf8')) as { findings: { kind: string }[] }).findings.filter((f) => f.kind === 'iac')).toEqual([]);
  });
});
