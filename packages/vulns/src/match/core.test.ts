import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { processFindings, renderGitlab, type RawFinding } from '@rampart/core';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { memorySource } from '../db/memory.js';
import { fixtureRecords } from '../osv/fixtures.testkit.js';
import { matchPackages } from './match.js';
import { parsed, pkg } from './packages.testkit.js';

/* What core does with the matcher's findings: fingerprints, dedupe against another tool, GitLab reports. */

const GITLAB = join(import.meta.dirname, '../../../../../shared/schemas/gitlab/15.0.7');
const tool = { name: 'rampart', version: '0.1.0' };
const source = () => memorySource([...fixtureRecords().values()].map(parsed));

function validator(file: string) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(GITLAB, file), 'utf8')) as object);
}

const run = (scanner: string, findings: RawFinding[]) =>
  processFindings({ scanner, tools: [tool], startedAt: new Date('2026-11-29T10:00:00Z'), now: new Date('2026-11-29T10:01:00Z'), findings, ignores: [], failOn: 'high', newOnly: false });

describe('matcher findings through core', () => {
  it('get stable, distinct fingerprints and validate as a GitLab dependency scanning report', async () => {
    const packages = [pkg('npm', 'lodash', '4.17.15', 'web/package-lock.json'), pkg('npm', 'lodash', '4.17.15', 'api/package-lock.json'), pkg('pypi', 'requests', '2.30.0', 'requirements.txt')];
    const first = run('deps', await matchPackages(packages, source(), { tool }));
    const again = run('deps', await matchPackages(packages, source(), { tool }));
    expect(first.findings).toHaveLength(5);
    expect(new Set(first.findings.map((f) => f.fingerprint)).size).toBe(5);
    expect(again.findings.map((f) => f.fingerprint)).toEqual(first.findings.map((f) => f.fingerprint));
    expect(first.gate?.passed).toBe(false);
    const [report] = renderGitlab(first, { reportTypes: ['dependency_scanning'] });
    const validate = validator('dependency-scanning-report-format.json');
    expect(validate(JSON.parse(report!.content)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('merge with another tool reporting the same advisory under its GHSA id', async () => {
    const ours = await matchPackages([pkg('npm', 'lodash', '4.17.15')], source(), { tool });
    const theirs: RawFinding = {
      kind: 'dependency',
      ruleId: 'GHSA-35jh-r3h4-6jhm',
      title: 'Command Injection in lodash',
      message: 'lodash 4.17.15',
      severity: 'high',
      identifiers: [{ type: 'ghsa', value: 'GHSA-35jh-r3h4-6jhm' }],
      location: { type: 'package', name: 'lodash', version: '4.17.15', file: 'package-lock.json' },
      tool: { name: 'grype', version: '0.80.0' },
    };
    const merged = run('deps', [...ours, theirs]).findings;
    expect(merged).toHaveLength(2);
    expect(merged.find((f) => f.ruleId === 'CVE-2021-23337')?.alsoReportedBy).toEqual([{ name: 'grype', version: '0.80.0' }]);
  });

  it('validate as a GitLab container scanning report', async () => {
    const findings = await matchPackages([pkg('apk', 'xen', '4.13.2-r0', 'lib/apk/db/installed')], source(), {
      tool, kind: 'container', image: 'registry.example.test/app:1', distro: { id: 'alpine', versionId: '3.11.6' },
    });
    const [report] = renderGitlab(run('container', findings), { reportTypes: ['container_scanning'] });
    const doc = JSON.parse(report!.content) as { vulnerabilities: { location: unknown }[] };
    expect(doc.vulnerabilities[0]?.location).toMatchObject({ image: 'registry.example.test/app:1', operating_system: 'alpine 3.11.6' });
    const validate = validator('container-scanning-report-format.json');
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
  });
});
