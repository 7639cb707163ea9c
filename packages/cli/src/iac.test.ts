import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { multitoolErrors, validateGitlab } from '../../core/src/writers/testing/validate.js';
import { main } from './main.js';
import { recordingDeps as deps } from './testing/recording-deps.js';

const fixture = join(import.meta.dirname, '../../iac/test/fixtures/project');

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-iac-'));
  cpSync(fixture, dir, { recursive: true });
  return dir;
}

interface Summary {
  findings: { ruleId: string; kind: string; location: { path: string; startLine: number; snippet: string } }[];
}

describe('rampart iac', () => {
  it('reports each kind of file with path and line, skips a broken file with a warning, and fails the gate', async () => {
    const dir = project();
    const d = deps(dir);
    expect(await main(['iac', '.', '--fail-on', 'high'], d.deps), d.err()).toBe(1);
    const run = JSON.parse(readFileSync(join(dir, 'rampart-reports/findings.json'), 'utf8')) as Summary;
    const at = run.findings.map((f) => `${f.ruleId} ${f.location.path}:${f.location.startLine}`);
    expect(at).toEqual(
      expect.arrayContaining([
        'dockerfile.user-root Dockerfile:5',
        'k8s.privileged deploy/web.yaml:13',
        'k8s.latest-image deploy/web.yaml:11',
        'gha.template-injection .github/workflows/triage.yml:11',
        'gitlab.include-remote .gitlab-ci.yml:2',
        'tf.aws.open-ingress infra/main.tf:3',
      ]),
    );
    expect(run.findings.every((f) => f.kind === 'iac')).toBe(true);
    expect(run.findings.find((f) => f.ruleId === 'dockerfile.user-root')?.location.snippet).toBe('USER root');
    expect(d.out()).toMatch(/warning: skipped deploy\/broken\.yaml:\d+: not valid YAML/);
  });

  it('writes SARIF the multitool accepts and a GitLab sast report that validates', async () => {
    const dir = project();
    expect(await main(['iac', '.', '--fail-on', 'none'], deps(dir).deps)).toBe(0);
    const sarif = readFileSync(join(dir, 'rampart-reports/iac.sarif'), 'utf8');
    expect(multitoolErrors(sarif)).toEqual([]);
    const gl = JSON.parse(readFileSync(join(dir, 'rampart-reports/gl-sast-report.json'), 'utf8')) as { vulnerabilities: unknown[] };
    expect(validateGitlab('sast', gl)).toEqual([]);
    expect(gl.vulnerabilities.length).toBeGreaterThan(5);
  });

  it('scans one file given as the path', async () => {
    const dir = project();
    const d = deps(dir);
    expect(await main(['iac', 'Dockerfile', '--fail-on', 'none', '--formats', 'json'], d.deps)).toBe(0);
    const run = JSON.parse(readFileSync(join(dir, 'rampart-reports/findings.json'), 'utf8')) as Summary;
    expect(new Set(run.findings.map((f) => f.location.path))).toEqual(new Set(['Dockerfile']));
  });

  it('honours a rampart-ignore comment above the offending line', async () => {
    const dir = project();
    writeFileSync(join(dir, 'Dockerfile'), 'FROM node:20-bookworm-slim\n# rampart-ignore: dockerfile.user-root -- build-only image, never deployed\nUSER root\n');
    expect(await main(['iac', 'Dockerfile', '--fail-on', 'high', '--formats', 'json'], deps(dir).deps)).toBe(0);
    const run = JSON.parse(readFileSync(join(dir, 'rampart-reports/findings.json'), 'utf8')) as { findings: { ruleId: string; suppression?: { kind: string } }[] };
    expect(run.findings.find((f) => f.ruleId === 'dockerfile.user-root')?.suppression?.kind).toBe('inline');
  });

  it('refuses a path that does not exist with exit 2', async () => {
    const d = deps(project());
    expect(await main(['iac', 'nope'], d.deps)).toBe(2);
    expect(d.err()).toMatch(/nope/);
  });
});
