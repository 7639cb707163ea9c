import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { multitoolErrors, validateGitlab } from '../../packages/core/src/writers/testing/validate.js';
import { CLI_BIN, ROOT, requireBuilt } from './paths.js';

interface FindingLite {
  ruleId: string;
  fingerprint: string;
  kind: string;
  location: { path?: string; startLine?: number };
  flow?: unknown[];
}

function rampart(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const res = spawnSync(process.execPath, [CLI_BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

function findingsIn(dir: string): FindingLite[] {
  return (JSON.parse(readFileSync(join(dir, 'findings.json'), 'utf8')) as { findings: FindingLite[] }).findings;
}

/** `planted:`/`safe:` comments mark the line below them, like the rule tests' annotations. */
function markers(file: string, kind: 'planted' | 'safe'): number[] {
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
  const out: number[] = [];
  lines.forEach((l, i) => {
    if (new RegExp(`(//|#)\\s*${kind}:`).test(l)) out.push(i + 2);
  });
  return out;
}

const APPS = [
  { dir: 'examples/vulnerable-js', files: ['src/server.js', 'src/tls.js', 'src/config.js'] },
  { dir: 'examples/vulnerable-py', files: ['app/main.py'] },
];

describe('rampart scan on the example apps', () => {
  beforeAll(() => requireBuilt(CLI_BIN));

  for (const app of APPS) {
    describe(app.dir, () => {
      let out: string;
      let findings: FindingLite[];
      beforeAll(() => {
        out = mkdtempSync(join(tmpdir(), 'rampart-scan-'));
        const res = rampart(['scan', app.dir, '--fail-on', 'none', '--out-dir', out]);
        expect(res.stderr).toBe('');
        expect(res.status).toBe(0);
        findings = findingsIn(out);
      });

      for (const file of app.files) {
        const path = `${app.dir}/${file}`;
        it(`${path}: every planted issue is found`, () => {
          const lines = new Set(findings.filter((f) => f.location.path === path).map((f) => f.location.startLine));
          const missed = markers(path, 'planted').filter((l) => !lines.has(l));
          expect(missed, `planted lines with no finding in ${path}`).toEqual([]);
        });
        it(`${path}: nothing on the safe variants`, () => {
          const onSafe = findings.filter((f) => f.location.path === path && markers(path, 'safe').includes(f.location.startLine ?? 0));
          expect(onSafe.map((f) => `${f.location.startLine} ${f.ruleId}`)).toEqual([]);
        });
      }

      it('taint findings carry their source and sink', () => {
        const taint = findings.filter((f) => (f.flow?.length ?? 0) > 0);
        expect(taint.length).toBeGreaterThan(0);
        for (const f of taint) expect(f.flow?.length).toBeGreaterThanOrEqual(2);
      });

      it('writes SARIF the multitool accepts, with CWE tags, and a valid GitLab SAST report', () => {
        const sarif = readFileSync(join(out, 'scan.sarif'), 'utf8');
        expect(multitoolErrors(sarif)).toEqual([]);
        expect(sarif).toMatch(/external\/cwe\/cwe-\d+/);
        const gl = JSON.parse(readFileSync(join(out, 'gl-sast-report.json'), 'utf8')) as unknown;
        expect(validateGitlab('sast', gl)).toEqual([]);
        expect(readdirSync(out)).toContain('gl-secret-detection-report.json');
      });
    });
  }

  it('a sharded run merged equals the unsharded run', () => {
    const whole = mkdtempSync(join(tmpdir(), 'rampart-whole-'));
    expect(rampart(['sast', 'examples', '--fail-on', 'none', '--out-dir', whole, '--formats', 'json']).status).toBe(0);
    const shards: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const dir = mkdtempSync(join(tmpdir(), `rampart-shard-${i}-`));
      expect(rampart(['sast', 'examples', '--fail-on', 'none', '--shard', `${i}/3`, '--out-dir', dir, '--formats', 'json']).status).toBe(0);
      shards.push(join(dir, 'findings.json'));
    }
    const merged = mkdtempSync(join(tmpdir(), 'rampart-merged-'));
    expect(rampart(['merge', '--scanner', 'sast', '--fail-on', 'none', '--out-dir', merged, ...shards]).status).toBe(0);
    const key = (f: FindingLite) => `${f.fingerprint} ${f.ruleId} ${f.location.path}:${f.location.startLine}`;
    const a = findingsIn(whole).map(key).sort();
    expect(a.length).toBeGreaterThan(10);
    expect(findingsIn(merged).map(key).sort()).toEqual(a);
    const perShard = shards.map((s) => (JSON.parse(readFileSync(s, 'utf8')) as { findings: unknown[] }).findings.length);
    expect(perShard.filter((n) => n > 0).length).toBeGreaterThan(1);
  });
});
