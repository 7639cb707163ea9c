import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  multitoolErrors,
  validateGitlab,
  validateSarifSchema,
  type GitlabReportType,
} from '../../packages/core/src/writers/testing/validate.js';
import { CLI_BIN, EXAMPLE_REPORTS, ROOT, requireBuilt } from './paths.js';

const GITLAB_FILES: Record<string, GitlabReportType> = {
  'gl-sast-report.json': 'sast',
  'gl-secret-detection-report.json': 'secret_detection',
  'gl-dast-report.json': 'dast',
  'gl-dependency-scanning-report.json': 'dependency_scanning',
  'gl-container-scanning-report.json': 'container_scanning',
};

describe('the built CLI on the example reports (CodeQL SARIF, Trivy image, Semgrep, ZAP)', () => {
  let out: string;
  let stdout: string;
  let status: number | null;

  beforeAll(() => {
    requireBuilt(CLI_BIN);
    out = mkdtempSync(join(tmpdir(), 'rampart-e2e-'));
    const reports = readdirSync(EXAMPLE_REPORTS).map((f) => join(EXAMPLE_REPORTS, f));
    const res = spawnSync(process.execPath, [CLI_BIN, 'report', '--fail-on', 'critical', '--out-dir', out, ...reports], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    stdout = res.stdout;
    status = res.status;
  });

  it('exits 1 because the example holds a critical secret, and says so', () => {
    expect(status).toBe(1);
    expect(stdout).toMatch(/Gate: FAILED: 1 finding at or above critical/);
    expect(stdout).toMatch(/from CodeQL [\d.]+, semgrep [\d.]+, trivy.*, ZAP [\d.]+/);
  });

  it('writes SARIF that the schema and the SARIF multitool (Sarif;Gh rules) accept with no errors', () => {
    const text = readFileSync(join(out, 'report.sarif'), 'utf8');
    expect(validateSarifSchema(JSON.parse(text))).toEqual([]);
    expect(multitoolErrors(text)).toEqual([]);
  });

  it('writes GitLab reports that validate against the 15.0.7 schemas, one per finding type present', () => {
    const present = readdirSync(out).filter((f) => f in GITLAB_FILES).sort();
    expect(present).toEqual([
      'gl-container-scanning-report.json',
      'gl-dast-report.json',
      'gl-sast-report.json',
      'gl-secret-detection-report.json',
    ]);
    for (const file of present) {
      const doc = JSON.parse(readFileSync(join(out, file), 'utf8')) as { version: string };
      expect(validateGitlab(GITLAB_FILES[file] as GitlabReportType, doc), file).toEqual([]);
      expect(doc.version).toBe('15.0.7');
    }
  });

  it('the README main job passes its example policy', () => {
    const reports = readdirSync(EXAMPLE_REPORTS).map((f) => join('examples/reports', f));
    const res = spawnSync(
      process.execPath,
      [CLI_BIN, 'report', '--config', 'examples/rampart.yml', '--out-dir', mkdtempSync(join(tmpdir(), 'rampart-readme-')), ...reports],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    // Two ignores from the config and one nosemgrep comment that Semgrep itself reported.
    expect(res.stdout).toMatch(/suppressed\s+3/);
  });
});
