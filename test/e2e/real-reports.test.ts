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
import { basename, join, resolve } from 'node:path';
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

/** The reports in one tool's folder (its PROVENANCE.md aside). */
function reports(dir: string): string[] {
  const files = readdirSync(join(REAL, dir))
    .filter((f) => f !== 'PROVENANCE.md')
    .sort();
  if (files.length === 0) throw new Error(`no report in ${dir}`);
  return files.map((f) => join(REAL, dir, f));
}

// --- Independent counts, one per format, from the tools' own report structure. Each takes several
// reports so that the same issue in two of them counts once, as Rampart's dedupe is meant to do. ---------

interface SarifLog {
  runs: { results?: { suppressions?: unknown[] }[] }[];
}

/** Every SARIF result is one finding (none of these is suppressed in the source). */
function sarifResults(paths: string[]): number {
  return paths.reduce((sum, p) => sum + (readJson(p) as SarifLog).runs.reduce((n, run) => n + (run.results ?? []).length, 0), 0);
}

interface TrivyReport {
  Results?: { Vulnerabilities?: { VulnerabilityID: string; PkgName: string; InstalledVersion: string }[] }[];
}

/** One finding per advisory per installed package: Trivy lists each exactly once per result target. */
function trivyVulnerabilities(paths: string[]): number {
  const keys = new Set<string>();
  for (const path of paths) {
    for (const r of (readJson(path) as TrivyReport).Results ?? []) {
      for (const v of r.Vulnerabilities ?? []) keys.add(`${v.VulnerabilityID} ${v.PkgName} ${v.InstalledVersion}`);
    }
  }
  return keys.size;
}

interface SemgrepReport {
  results: { check_id: string; path: string; start: { line: number } }[];
  errors: unknown[];
}

/** One finding per rule match: rule, file and line (two rules on one line are two findings). */
function semgrepMatches(paths: string[]): number {
  const results = paths.flatMap((p) => (readJson(p) as SemgrepReport).results);
  return new Set(results.map((r) => `${r.check_id} ${r.path} ${r.start.line}`)).size;
}

interface ZapReport {
  site: { alerts: { pluginid: string; instances: { uri: string; method: string; param?: string }[] }[] }[];
}

/**
 * ZAP lists an alert once per instance: a baseline scan reports `http://host:3000` and
 * `http://host:3000/` as two instances, and an active rule lists one instance per attack it tried on
 * the same parameter (48 User-Agent strings on 4 URLs in the 2.14 report). A finding is one endpoint
 * and parameter for one rule, so the legitimate count is one per plugin, method, origin + path (WHATWG
 * URL parsing makes an empty path the root) and parameter. These reports have no id-like path
 * segments, so nothing else needs normalising.
 */
function zapEndpoints(paths: string[]): { instances: number; endpoints: number } {
  let instances = 0;
  const keys = new Set<string>();
  for (const path of paths) {
    for (const site of (readJson(path) as ZapReport).site) {
      for (const alert of site.alerts) {
        for (const i of alert.instances) {
          instances += 1;
          const url = new URL(i.uri);
          keys.add(`${alert.pluginid} ${i.method} ${url.origin}${url.pathname} ${i.param ?? ''}`);
        }
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
  { tool: 'CodeQL', dir: 'codeql', expected: sarifResults, kinds: ['sast'], gitlab: ['gl-sast-report.json'] },
  {
    tool: 'Trivy',
    dir: 'trivy',
    expected: trivyVulnerabilities,
    kinds: ['container'],
    gitlab: ['gl-container-scanning-report.json'],
  },
  { tool: 'Semgrep', dir: 'semgrep', expected: semgrepMatches, kinds: ['sast'], gitlab: ['gl-sast-report.json'] },
  {
    tool: 'ZAP',
    dir: 'zap',
    expected: (paths: string[]) => zapEndpoints(paths).endpoints,
    kinds: ['dast'],
    gitlab: ['gl-dast-report.json'],
  },
] as const;

describe('rampart report on real tool outputs', () => {
  beforeAll(() => {
    requireBuilt(CLI_BIN);
  });

  it('the fixtures are the tools’ reports with findings in them, not empty runs', () => {
    for (const c of CASES) {
      for (const path of reports(c.dir)) expect(c.expected([path]), path).toBeGreaterThan(0);
    }
    for (const path of reports('semgrep')) expect((readJson(path) as SemgrepReport).errors).toEqual([]);
    // Both ZAP reports list one endpoint more than once; the dedupe assertions rely on it.
    for (const path of reports('zap')) {
      const zap = zapEndpoints([path]);
      expect(zap.instances).toBeGreaterThan(zap.endpoints);
    }
  });

  for (const c of CASES) {
    for (const path of reports(c.dir)) {
      describe(`${c.tool}: ${basename(path)}`, () => {
        let run: Run;
        beforeAll(() => {
          run = report([path]);
        });

        it('exits 0 and reads every entry (no skipped-entry notifications)', () => {
          expect(run.stderr).toBe('');
          expect(run.status).toBe(0);
          expect(run.notifications).toEqual([]);
        });

        it('has one finding per result in the source report', () => {
          expect(run.findings).toHaveLength(c.expected([path]));
          expect(new Set(run.findings.map((f) => f.kind))).toEqual(new Set(c.kinds));
        });

        it('writes SARIF the multitool accepts (Sarif;Gh) and GitLab 15.0.7 reports', () => {
          expectValidOutputs(run, [...c.gitlab]);
        });
      });
    }
  }

  describe('every report in one call', () => {
    let run: Run;
    beforeAll(() => {
      run = report(CASES.flatMap((c) => reports(c.dir)));
    });

    it('keeps every finding of every tool (different kinds never merge)', () => {
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.notifications).toEqual([]);
      const total = CASES.reduce((n, c) => n + c.expected(reports(c.dir)), 0);
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
