import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignFingerprints, fingerprintToUuid } from '../../model/fingerprint.js';
import { findingsArb } from '../testing/arbitraries.js';
import { everyKindRun, rawFinding, scanRun } from '../testing/fixtures.js';
import { validateGitlab, type GitlabReportType } from '../testing/validate.js';
import { renderGitlab } from './render.js';
import type { GitlabReport } from './types.js';

const TYPE_OF_FILE: Record<string, GitlabReportType> = {
  'gl-sast-report.json': 'sast',
  'gl-dast-report.json': 'dast',
  'gl-secret-detection-report.json': 'secret_detection',
  'gl-dependency-scanning-report.json': 'dependency_scanning',
  'gl-container-scanning-report.json': 'container_scanning',
};

function reports(files: { name: string; content: string }[]): Map<string, GitlabReport> {
  return new Map(files.map((f) => [f.name, JSON.parse(f.content) as GitlabReport]));
}

describe('renderGitlab', () => {
  const run = everyKindRun();
  const out = reports(renderGitlab(run, { commitSha: 'abc1234', analyzerVersion: '0.1.0' }));

  it('writes one report per type present, each valid against 15.0.7', () => {
    expect([...out.keys()]).toEqual([
      'gl-sast-report.json',
      'gl-secret-detection-report.json',
      'gl-dast-report.json',
      'gl-dependency-scanning-report.json',
      'gl-container-scanning-report.json',
    ]);
    for (const [name, doc] of out) {
      expect({ name, errors: validateGitlab(TYPE_OF_FILE[name]!, doc) }).toEqual({ name, errors: [] });
      expect(doc.version).toBe('15.0.7');
      expect(doc.scan.type).toBe(TYPE_OF_FILE[name]);
      expect(doc.scan.start_time).toBe('2024-05-01T10:00:00');
      expect(doc.scan.end_time).toBe('2024-05-01T10:02:03');
      expect(doc.scan.analyzer.version).toBe('0.1.0');
    }
  });

  it('derives ids from fingerprints and leaves suppressed findings out', () => {
    const sast = out.get('gl-sast-report.json')!;
    const sqli = run.findings.find((f) => f.ruleId === 'js.sqli')!;
    expect(sast.vulnerabilities.find((v) => v.name === 'SQL injection')?.id).toBe(fingerprintToUuid(sqli.fingerprint));
    // tf.s3-public (iac) is suppressed inline, so only the two unsuppressed SAST findings remain.
    expect(sast.vulnerabilities.map((v) => v.identifiers[0]?.value).sort()).toEqual(['js.eval', 'js.sqli']);
  });

  it('fills each type\'s location', () => {
    const secret = out.get('gl-secret-detection-report.json')!.vulnerabilities[0]!;
    expect(secret.location).toEqual({ file: 'config/settings.py', start_line: 7, end_line: 7, commit: { sha: 'abc1234' } });
    const dast = out.get('gl-dast-report.json')!;
    expect(dast.vulnerabilities[0]?.location).toEqual({ hostname: 'https://app.example.test', path: '/users/42?tab=1', method: 'GET', param: 'tab' });
    expect(dast.scan.scanned_resources).toEqual([
      { method: 'GET', url: 'https://app.example.test/', type: 'url' },
      { method: 'POST', url: 'https://app.example.test/login', type: 'url' },
    ]);
    const deps = out.get('gl-dependency-scanning-report.json')!;
    expect(deps.dependency_files).toEqual([{ path: 'web/package-lock.json', package_manager: 'npm', dependencies: [{ package: { name: 'lodash' }, version: '4.17.11' }] }]);
    expect(deps.vulnerabilities[0]?.identifiers[0]).toMatchObject({ type: 'ghsa', value: 'GHSA-jf85-cpcp-j695' });
    expect(deps.vulnerabilities[0]?.solution).toBe('Upgrade lodash to version 4.17.12 or later.');
    const cs = out.get('gl-container-scanning-report.json')!.vulnerabilities[0]!;
    expect(cs.location).toEqual({ dependency: { package: { name: 'openssl' }, version: '3.1.4-r0' }, operating_system: 'alpine 3.19', image: 'registry.example.test:5000/team/app:1.2' });
  });

  it('takes DAST scanned resources from findings when the run has none', () => {
    const dast = run.findings.filter((f) => f.kind === 'dast');
    const doc = reports(renderGitlab(scanRun(dast, { scanner: 'dast' }))).get('gl-dast-report.json')!;
    expect(doc.scan.scanned_resources).toEqual([{ method: 'GET', url: 'https://app.example.test/users/42?tab=1', type: 'url' }]);
  });

  it('still writes the report of the scanner\'s type when nothing was found, so GitLab resolves old findings', () => {
    const files = renderGitlab(scanRun([], { scanner: 'container' }));
    expect(files.map((f) => f.name)).toEqual(['gl-container-scanning-report.json']);
    expect(validateGitlab('container_scanning', files[0]!.content)).toEqual([]);
    const deps = renderGitlab(scanRun([], { scanner: 'report' }), { reportTypes: ['dependency_scanning'] });
    expect(validateGitlab('dependency_scanning', deps[0]!.content)).toEqual([]);
  });

  it('marks the scan failed when the run has an error notification', () => {
    const f = assignFingerprints([rawFinding({ ruleId: 'x' })]);
    const doc = reports(renderGitlab(scanRun(f, { notifications: [{ level: 'error', message: 'semgrep crashed' }] }))).get('gl-sast-report.json')!;
    expect(doc.scan.status).toBe('failure');
    expect(doc.scan.messages).toEqual([{ level: 'fatal', value: 'semgrep crashed' }]);
  });

  it('always validates on arbitrary findings', () => {
    fc.assert(
      fc.property(findingsArb, (findings) => {
        for (const file of renderGitlab(scanRun(findings))) {
          expect({ file: file.name, errors: validateGitlab(TYPE_OF_FILE[file.name]!, file.content) }).toEqual({ file: file.name, errors: [] });
        }
      }),
      { numRuns: 150 },
    );
  });
});
