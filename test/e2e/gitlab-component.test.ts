import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateGitlab, type GitlabReportType } from '../../packages/core/src/writers/testing/validate.js';
import { CLI_BIN, EXAMPLE_REPORTS, requireBuilt } from './paths.js';
import { GCL, makeProject, runPipeline } from './gitlab-project.js';

const REPORT_TYPES: Record<string, GitlabReportType> = {
  sast: 'sast',
  secret_detection: 'secret_detection',
  dast: 'dast',
  dependency_scanning: 'dependency_scanning',
  container_scanning: 'container_scanning',
};

describe('templates/report.yml under gitlab-ci-local (shell executor)', () => {
  beforeAll(() => {
    requireBuilt(CLI_BIN);
    if (!existsSync(GCL)) throw new Error('gitlab-ci-local is not installed (root devDependency)');
  });

  it('runs rampart report and every declared report artifact validates', () => {
    const files = readdirSync(EXAMPLE_REPORTS).map((f) => `reports/${f}`).join(' ');
    const p = makeProject(
      `include:\n  - local: templates/report.yml\n    inputs:\n      files: "${files}"\n      fail-on: none\n`,
      { reports: 'examples/reports' },
    );
    const { status, output } = runPipeline(p);
    expect(output).toContain('PASS');
    expect(status, output).toBe(0);

    const expanded = parse(readFileSync(join(p.dir, '.gitlab-ci-local/expanded-gitlab-ci.yml'), 'utf8')) as Record<
      string,
      { artifacts?: { reports?: Record<string, string> } }
    >;
    const reports = expanded['rampart-report']?.artifacts?.reports ?? {};
    expect(Object.keys(reports).sort()).toEqual(
      ['codequality', 'container_scanning', 'dast', 'dependency_scanning', 'junit', 'sast', 'secret_detection'].sort(),
    );
    const artifacts = join(p.dir, '.gitlab-ci-local/artifacts/rampart-report');
    let validated = 0;
    for (const [kind, path] of Object.entries(reports)) {
      const file = join(artifacts, path);
      if (!existsSync(file)) continue;
      if (kind === 'junit') {
        expect(readFileSync(file, 'utf8')).toMatch(/^<\?xml[^>]*\?>\s*<testsuites/);
        continue;
      }
      const doc = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      if (kind in REPORT_TYPES) {
        expect(validateGitlab(REPORT_TYPES[kind] as GitlabReportType, doc), `${path}`).toEqual([]);
        validated++;
      }
      if (kind === 'codequality') expect(Array.isArray(doc)).toBe(true);
    }
    // The example reports hold SAST (CodeQL, Semgrep), DAST (ZAP) and container (Trivy) findings.
    expect(validated).toBeGreaterThanOrEqual(3);
    expect(readFileSync(join(artifacts, 'rampart-reports/report.junit.xml'), 'utf8')).toContain('<testsuite');
  });

  it('fails the job when the gate fails, and still keeps the reports', () => {
    const p = makeProject(
      `include:\n  - local: templates/report.yml\n    inputs:\n      files: reports/zap.json\n      fail-on: low\n`,
      { reports: 'examples/reports' },
    );
    const { status, output } = runPipeline(p);
    expect(status, output).not.toBe(0);
    expect(output).toContain('FAIL');
    expect(existsSync(join(p.dir, '.gitlab-ci-local/artifacts/rampart-report/rampart-reports/findings.json'))).toBe(true);
  });
});
