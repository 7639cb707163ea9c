/**
 * Issue 2's acceptance point on reports that nobody on the team wrote: a CodeQL SARIF, a Trivy image
 * report, a Semgrep report and a ZAP report, each produced by the tool itself and committed to a public
 * repository (provenance in test/fixtures/real-reports/<tool>/PROVENANCE.md). The built CLI must read
 * every entry, and what it writes must pass the SARIF Multitool (Sarif;Gh rules) and the GitLab 15.0.7
 * schemas. Expected counts are computed here from the source reports, not from Rampart's code.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { multitoolErrors, validateGitlab, validateSarifSchema, type GitlabReportType } from '../../packages/core/src/writers/testing/validate.js';
import { CLI_BIN, ROOT, requireBuilt } from './paths.js';

const REAL = resolve(ROOT, 'test/fixtures/real-reports');

const GITLAB_FILES: Record<string, GitlabReportType> = {
  'gl-sast-report.json': 'sast',
  'gl-secret-detection-report.json': 'secret_detection',
  'gl-dast-report.json': 'dast',
  'gl-dependency-scanning-report.json': 'dependency_scanning',
  'gl-container-scanning-report.json': 'container_scanning',
};

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

function only(dir: string): string {
  const files = readdirSync(join(REAL, dir)).filter((f) => f !== 'PROVENANCE.md');
  if (files.length !== 1) throw new Error(`expected one report in ${dir}, found ${files.join(', ')}`);
  return join(REAL, dir, files[0] as string);
}

// --- Independent counts, one per format, from the tools' own report structure. -------------------------

interface SarifLog {
  runs: { results?: { suppressions?: unknown[] }[] }[];
}

/** Every SARIF result is one finding (none of these is suppressed in the source). */
function sarifResults(path: string): number {
  return (readJson(path) as SarifLog).runs.reduce((n, run) => n + (run.results ?? []).length, 0);
}

interface TrivyReport {
  Results?: { Vulnerabilities?: { VulnerabilityID: string; PkgName: string; InstalledVersion: string }[] }[];
}

/** One finding per advisory per installed package: Trivy lists each exactly once per result target. */
function trivyVulnerabilities(path: string): number {
  const keys = new Set<string>();
  for (const r of (readJson(path) as TrivyReport).Results ?? []) {
    for (const v of r.Vulnerabilities ?? []) keys.add(`${v.VulnerabilityID} ${v.PkgName} ${v.InstalledVersion}`);
  }
  return keys.size;
}

interface SemgrepReport {
  results: { check_id: string; path: string; start: { line: number } }[];
  errors: unknown[];
}

/** One finding per rule match: rule, file and line (two rules on one line are two findings). */
function semgrepMatches(path: string): number {
  const report = readJson(path) as SemgrepReport;
  return new Set(report.results.map((r) => `${r.check_id} ${r.path} ${r.start.line}`)).size;
}

interface ZapReport {
  site: { alerts: { pluginid: string; instances: { uri: string; method: string; param?: string }[] }[] }[];
}

/**
 * ZAP lists an alert once per instance, and a baseline scan reports `http://host:3000` and
 * `http://host:3000/` as two instances. They are one endpoint: a URL with an empty path is the root
 * (WHATWG URL parsing says so), so the legitimate count is one per plugin, method, origin + path and
 * parameter. This report has no id-like path segments, so nothing else needs normalising.
 */
function zapEndpoints(path: string): { instances: number; endpoints: number } {
  let instances = 0;
  const keys = new Set<string>();
  for (const site of (readJson(path) as ZapReport).site) {
    for (const alert of site.alerts) {
      for (const i of alert.instances) {
        instances += 1;
        const url = new URL(i.uri);
        keys.add(`${alert.pluginid} ${i.method} ${url.origin}${url.pathname} ${i.param ?? ''}`);
      }
    }
  }
  return { instances, endpoints: keys.size };
}

// --- Running the built CLI. ---------------------------------------------------------------------------

interface Run {
  status: number | null;
  stderr: string;
  out: string;
  findings: { kind: string; ruleId: string }[];
  notifications: unknown[];
}

function report(files: string[]): Run {
  const out = mkdtempSync(join(tmpdir(), 'rampart-real-'));
  const res = spawnSync(process.execPath, [CLI_BIN, 'report', ...files, '--out-dir', out, '--fail-on', 'none', '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const summary = res.status === 0 ? (JSON.parse(res.stdout) as { notifications: unknown[] }) : { notifications: [] };
  const findings = res.status === 0 ? (readJson(join(out, 'findings.json')) as { findings: Run['findings'] }).findings : [];
  return { status: res.status, stderr: res.stderr, out, findings, notifications: summary.notifications };
}

function gitlabReports(out: string): string[] {
  return readdirSync(out)
    .filter((f) => f in GITLAB_FILES)
    .sort();
}

function expectValidOutputs(run: Run, gitlab: string[]): void {
  const sarif = readFileSync(join(run.out, 'report.sarif'), 'utf8');
  expect(validateSarifSchema(JSON.parse(sarif))).toEqual([]);
  expect(multitoolErrors(sarif)).toEqual([]);
  expect(gitlabReports(run.out)).toEqual(gitlab);
  for (const file of gitlab) {
    const doc = readJson(join(run.out, file)) as { version: string; vulnerabilities: unknown[] };
    expect(validateGitlab(GITLAB_FILES[file] as GitlabReportType, doc), file).toEqual([]);
    expect(doc.version).toBe('15.0.7');
    expect(doc.vulnerabilities.length, file).toBeGreaterThan(0);
  }
}

const CASES = [
  { tool: 'CodeQL', dir: 'codeql', expected: (p: string) => sarifResults(p), kinds: ['sast'], gitlab: ['gl-sast-report.json'] },
  {
    tool: 'Trivy',
    dir: 'trivy',
    expected: (p: string) => trivyVulnerabilities(p),
    kinds: ['container'],
    gitlab: ['gl-container-scanning-report.json'],
  },
  { tool: 'Semgrep', dir: 'semgrep', expected: (p: string) => semgrepMatches(p), kinds: ['sast'], gitlab: ['gl-sast-report.json'] },
  { tool: 'ZAP', dir: 'zap', expected: (p: string) => zapEndpoints(p).endpoints, kinds: ['dast'], gitlab: ['gl-dast-report.json'] },
] as const;

describe('rampart report on real tool outputs', () => {
  beforeAll(() => {
    requireBuilt(CLI_BIN);
  });

  it('the fixtures are the tools’ reports with findings in them, not empty runs', () => {
    expect(sarifResults(only('codeql'))).toBeGreaterThan(0);
    expect(trivyVulnerabilities(only('trivy'))).toBeGreaterThan(0);
    expect((readJson(only('semgrep')) as SemgrepReport).errors).toEqual([]);
    expect(semgrepMatches(only('semgrep'))).toBeGreaterThan(0);
    // The ZAP report repeats one endpoint with and without a trailing slash; the test relies on it.
    const zap = zapEndpoints(only('zap'));
    expect(zap.instances).toBeGreaterThan(zap.endpoints);
  });

  for (const c of CASES) {
    describe(c.tool, () => {
      let run: Run;
      beforeAll(() => {
        run = report([only(c.dir)]);
      });

      it('exits 0 and reads every entry (no skipped-entry notifications)', () => {
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        expect(run.notifications).toEqual([]);
      });

      it('has one finding per result in the source report', () => {
        expect(run.findings).toHaveLength(c.expected(only(c.dir)));
        expect(new Set(run.findings.map((f) => f.kind))).toEqual(new Set(c.kinds));
      });

      it('writes SARIF the multitool accepts (Sarif;Gh) and GitLab 15.0.7 reports', () => {
        expectValidOutputs(run, [...c.gitlab]);
      });
    });
  }

  describe('all four in one call', () => {
    let run: Run;
    beforeAll(() => {
      run = report(CASES.map((c) => only(c.dir)));
    });

    it('keeps every finding of every tool (different kinds never merge)', () => {
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.notifications).toEqual([]);
      const total = CASES.reduce((n, c) => n + c.expected(only(c.dir)), 0);
      expect(run.findings).toHaveLength(total);
    });

    it('writes one SARIF and one GitLab report per finding type, all valid', () => {
      expectValidOutputs(run, ['gl-container-scanning-report.json', 'gl-dast-report.json', 'gl-sast-report.json']);
      // One run per tool, so GitHub shows each tool's alerts under its own name; every finding is a result.
      const sarif = readJson(join(run.out, 'report.sarif')) as { runs: { tool: { driver: { name: string } }; results: unknown[] }[] };
      expect(sarif.runs.map((r) => r.tool.driver.name).sort()).toEqual(['CodeQL', 'ZAP', 'semgrep', 'trivy']);
      expect(sarif.runs.reduce((n, r) => n + r.results.length, 0)).toBe(run.findings.length);
    });
  });
});
