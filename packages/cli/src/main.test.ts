import { mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { main } from './main.js';
import { recordingDeps as fakeDeps } from './testing/recording-deps.js';

const fixtures = resolve(import.meta.dirname, '../test/fixtures');


let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rampart-cli-'));
  copyFileSync(join(fixtures, 'basic/eslint.sarif'), join(dir, 'eslint.sarif'));
});

describe('rampart exit codes', () => {
  it('0: the gate passes and every output is written', async () => {
    const io = fakeDeps(dir);
    const code = await main(['report', 'eslint.sarif', '--fail-on', 'critical'], io.deps);
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    const written = readdirSync(join(dir, 'rampart-reports')).sort();
    expect(written).toEqual(
      expect.arrayContaining(['findings.json', 'summary.md', 'report.sarif', 'report.junit.xml', 'gl-code-quality-report.json', 'gl-sast-report.json']),
    );
    expect(io.out()).toMatch(/Gate: passed/);
  });

  it('1: the gate fails on a high finding and names how many caused it', async () => {
    const io = fakeDeps(dir);
    const code = await main(['report', 'eslint.sarif', '--fail-on', 'high', '--json'], io.deps);
    expect(code).toBe(1);
    const summary = JSON.parse(io.out()) as { gate: { passed: boolean; causes: { ruleId: string }[] } };
    expect(summary.gate.passed).toBe(false);
    expect(summary.gate.causes.map((c) => c.ruleId)).toEqual(['security/detect-eval-with-expression']);
  });

  it('2: a malformed report is named and nothing is written', async () => {
    writeFileSync(join(dir, 'broken.json'), '{"runs": [');
    const io = fakeDeps(dir);
    const code = await main(['report', 'eslint.sarif', 'broken.json'], io.deps);
    expect(code).toBe(2);
    expect(io.err()).toContain('broken.json');
    expect(existsSync(join(dir, 'rampart-reports'))).toBe(false);
  });

  it('2: a report of an unknown format is refused, not read as empty', async () => {
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ hello: 'world' }));
    const io = fakeDeps(dir);
    expect(await main(['report', 'other.json'], io.deps)).toBe(2);
    expect(io.err()).toContain('other.json');
  });

  it('2: a missing file, a bad flag value and an unknown flag', async () => {
    const missing = fakeDeps(dir);
    expect(await main(['report', 'nope.sarif'], missing.deps)).toBe(2);
    expect(missing.err()).toContain('nope.sarif');
    const badValue = fakeDeps(dir);
    expect(await main(['report', 'eslint.sarif', '--fail-on', 'severe'], badValue.deps)).toBe(2);
    expect(badValue.err()).toContain('--fail-on');
    const unknown = fakeDeps(dir);
    expect(await main(['report', '--frobnicate', 'eslint.sarif'], unknown.deps)).toBe(2);
    expect(unknown.err()).toContain('frobnicate');
  });

  it('2: a config file error names the file, the line and the field', async () => {
    writeFileSync(join(dir, '.rampart.yml'), 'gate:\n  fail-on: high\nignore:\n  - id: CVE-2021-1\n');
    const io = fakeDeps(dir);
    expect(await main(['report', 'eslint.sarif'], io.deps)).toBe(2);
    expect(io.err()).toContain('.rampart.yml');
    expect(io.err()).toMatch(/reason/);
    expect(io.err()).toMatch(/:4\b|line 4/);
  });

  it('3: reports that cannot be written are a failure, not a user error', async () => {
    writeFileSync(join(dir, 'blocker'), 'a file where the output directory should be');
    const io = fakeDeps(dir);
    const code = await main(['report', 'eslint.sarif', '--out-dir', 'blocker/reports'], io.deps);
    expect(code).toBe(3);
    expect(io.err()).toContain('cannot write reports');
  });

  it('--help on every command, and unknown commands', async () => {
    for (const cmd of ['report', 'gate', 'merge']) {
      const io = fakeDeps(dir);
      expect(await main([cmd, '--help'], io.deps)).toBe(0);
      expect(io.out()).toContain(`rampart ${cmd}`);
      expect(io.out()).toContain('--fail-on');
    }
    const io = fakeDeps(dir);
    expect(await main(['frob'], io.deps)).toBe(2);
  });
});

describe('suppressions, baseline, merge and gate', () => {
  it('an ignore in .rampart.yml suppresses, and new-only passes against a baseline that has the finding', async () => {
    const first = fakeDeps(dir);
    expect(await main(['report', 'eslint.sarif', '--fail-on', 'none'], first.deps)).toBe(0);
    mkdirSync(join(dir, 'base'));
    copyFileSync(join(dir, 'rampart-reports/findings.json'), join(dir, 'base/findings.json'));

    const again = fakeDeps(dir);
    expect(await main(['report', 'eslint.sarif', '--fail-on', 'high', '--new-only', '--baseline', 'base/findings.json'], again.deps)).toBe(0);

    writeFileSync(
      join(dir, '.rampart.yml'),
      'ignore:\n  - id: security/detect-eval-with-expression\n    reason: reviewed, input is a constant\n',
    );
    const ignored = fakeDeps(dir);
    expect(await main(['report', 'eslint.sarif', '--fail-on', 'high', '--json'], ignored.deps)).toBe(0);
    const summary = JSON.parse(ignored.out()) as { counts: { suppressed: number } };
    expect(summary.counts.suppressed).toBe(1);
  });

  it('merge joins findings.json files, keeps fingerprints and dedupes; gate evaluates without writing', async () => {
    expect(await main(['report', 'eslint.sarif', '--fail-on', 'none', '--out-dir', 'a'], fakeDeps(dir).deps)).toBe(0);
    expect(await main(['report', 'eslint.sarif', '--fail-on', 'none', '--out-dir', 'b'], fakeDeps(dir).deps)).toBe(0);
    const merged = fakeDeps(dir);
    expect(await main(['merge', 'a/findings.json', 'b/findings.json', '--fail-on', 'none', '--out-dir', 'm'], merged.deps)).toBe(0);
    const a = JSON.parse(readFileSync(join(dir, 'a/findings.json'), 'utf8')) as { findings: { fingerprint: string }[] };
    const m = JSON.parse(readFileSync(join(dir, 'm/findings.json'), 'utf8')) as { findings: { fingerprint: string }[] };
    expect(m.findings.map((f) => f.fingerprint).sort()).toEqual(a.findings.map((f) => f.fingerprint).sort());

    const gate = fakeDeps(dir);
    expect(await main(['gate', 'm/findings.json', '--fail-on', 'high', '--out-dir', 'g'], gate.deps)).toBe(2);
    const gate2 = fakeDeps(dir);
    expect(await main(['gate', 'm/findings.json', '--fail-on', 'high'], gate2.deps)).toBe(1);
    expect(existsSync(join(dir, 'rampart-reports'))).toBe(false);
  });
});

describe('paths', () => {
  it('absolute file URIs under the working directory become relative (ESLint writes them)', async () => {
    const text = readFileSync(join(dir, 'eslint.sarif'), 'utf8').replaceAll('/home/runner/work/app/app', dir);
    writeFileSync(join(dir, 'abs.sarif'), text);
    expect(await main(['report', 'abs.sarif', '--fail-on', 'none'], fakeDeps(dir).deps)).toBe(0);
    const out = JSON.parse(readFileSync(join(dir, 'rampart-reports/findings.json'), 'utf8')) as {
      findings: { location: { path?: string } }[];
    };
    expect(out.findings.map((f) => f.location.path)).toEqual(['src/server.js', 'src/server.js']);
    const sarif = readFileSync(join(dir, 'rampart-reports/report.sarif'), 'utf8');
    expect(sarif).toContain('"uri":"src/server.js"');
  });
});
