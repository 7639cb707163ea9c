import { findingSchema, recordingLogger, type RawFinding } from '@rampart/core';
import { describe, expect, it } from 'vitest';
import { memorySource } from '../db/memory.js';
import { fixture, fixtureRecords } from '../osv/fixtures.testkit.js';
import { matchPackages, matchPackagesDetailed, type MatchOptions } from './match.js';
import { parsed, pkg } from './packages.testkit.js';

const tool = { name: 'rampart', version: '0.0.0-test' };
const all = () => [...fixtureRecords().values()].map(parsed);
const options: MatchOptions = { tool };
const ids = (findings: RawFinding[]) => findings.map((f) => `${f.location.type === 'package' ? f.location.name : ''} ${f.ruleId}`).sort();

describe('matchPackages on real records', () => {
  it('lodash 4.17.15 has the command injection and the prototype pollution, with fixes and severities', async () => {
    const findings = await matchPackages([pkg('npm', 'lodash', '4.17.15')], memorySource(all()), options);
    expect(ids(findings)).toEqual(['lodash CVE-2020-8203', 'lodash CVE-2021-23337']);
    const injection = findings.find((f) => f.ruleId === 'CVE-2021-23337');
    expect(injection).toMatchObject({
      kind: 'dependency',
      title: 'Command Injection in lodash',
      severity: 'high', // CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H scores 7.2
      fix: { versions: ['4.17.21'] },
      location: { type: 'package', name: 'lodash', version: '4.17.15', ecosystem: 'npm', purl: 'pkg:npm/lodash@4.17.15', file: 'package-lock.json' },
    });
    expect(injection?.identifiers).toEqual([
      { type: 'ghsa', value: 'GHSA-35jh-r3h4-6jhm', url: 'https://github.com/advisories/GHSA-35jh-r3h4-6jhm' },
      { type: 'cve', value: 'CVE-2021-23337', url: 'https://nvd.nist.gov/vuln/detail/CVE-2021-23337' },
    ]);
    expect(injection?.help).toMatch(/upgrade `lodash` from 4\.17\.15 to 4\.17\.21 or later/);
    expect(injection?.help).toMatch(/Severity: CVSS_V3 base score 7\.2\./);
    // What core validates once it adds the fingerprint.
    for (const f of findings) expect(findingSchema.safeParse({ ...f, fingerprint: 'x' }).success).toBe(true);
  });

  it('a fixed version and versions outside the range do not match', async () => {
    const source = memorySource(all());
    expect(await matchPackages([pkg('npm', 'lodash', '4.17.21')], source, options)).toEqual([]);
    // GHSA-p6mc-m468-83gw starts at 3.7.0; GHSA-35jh-r3h4-6jhm at 0.
    expect(ids(await matchPackages([pkg('npm', 'lodash', '3.6.0')], source, options))).toEqual(['lodash CVE-2021-23337']);
  });

  it('last_affected includes the last version and nothing after it (lodash.pick <= 4.4.0)', async () => {
    const source = memorySource(all());
    const at = async (v: string) => ids(await matchPackages([pkg('npm', 'lodash.pick', v)], source, options));
    expect(await at('4.4.0')).toEqual(['lodash.pick CVE-2020-8203']);
    expect(await at('3.9.9')).toEqual([]);
    const findings = await matchPackages([pkg('npm', 'lodash.pick', '4.4.0')], source, options);
    expect(findings[0]?.fix).toBeUndefined();
    expect(findings[0]?.message).toMatch(/No fixed version is known/);
  });

  it('limit caps a range (GHSA-35jh-r3h4-6jhm with a limit event added)', async () => {
    const rec = fixture('GHSA-35jh-r3h4-6jhm') as { affected: { ranges: { events: object[] }[] }[] };
    rec.affected[0]!.ranges[0]!.events = [{ introduced: '0' }, { limit: '4.0.0' }];
    const source = memorySource([parsed(rec)]);
    expect(await matchPackages([pkg('npm', 'lodash', '3.10.1')], source, options)).toHaveLength(1);
    expect(await matchPackages([pkg('npm', 'lodash', '4.17.15')], source, options)).toEqual([]);
  });

  it('a GHSA and the PYSEC record aliasing it are one finding, named by the CVE', async () => {
    const findings = await matchPackages([pkg('pypi', 'Requests', '2.30.0', 'requirements.txt')], memorySource(all()), options);
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect(f.ruleId).toBe('CVE-2023-32681');
    expect(f.identifiers.map((i) => i.value).sort()).toEqual(['CVE-2023-32681', 'GHSA-j8r2-6x86-q33q', 'PYSEC-2023-74']);
    expect(f.title).toBe('Unintended leak of Proxy-Authorization header in requests');
    expect(f.severity).toBe('medium'); // CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:C/C:H/I:N/A:N scores 6.1
    expect(f.fix?.versions).toEqual(['2.31.0']);
  });

  it('withdrawn records never match', async () => {
    const rec = fixture('GHSA-35jh-r3h4-6jhm');
    rec['withdrawn'] = '2024-01-01T00:00:00Z';
    expect(await matchPackages([pkg('npm', 'lodash', '4.17.15')], memorySource([parsed(rec)]), options)).toEqual([]);
  });

  it('ignoreUnfixed leaves out what no version fixes', async () => {
    const source = memorySource(all());
    const packages = [pkg('npm', 'lodash.pick', '4.4.0'), pkg('npm', 'lodash', '4.17.15')];
    expect(ids(await matchPackages(packages, source, { ...options, ignoreUnfixed: true }))).toEqual(['lodash CVE-2020-8203', 'lodash CVE-2021-23337']);
    expect(await matchPackages(packages, source, options)).toHaveLength(3);
  });

  it('Go SEMVER ranges match go.mod versions with a v prefix', async () => {
    const findings = await matchPackages([pkg('golang', 'golang.org/x/text', 'v0.3.6', 'go.mod')], memorySource(all()), options);
    expect(findings.map((f) => f.ruleId)).toEqual(['CVE-2021-38561']);
    expect(findings[0]?.fix?.versions).toEqual(['0.3.7']);
    expect(findings[0]?.identifiers.map((i) => i.type)).toEqual(['osv', 'cve', 'ghsa']);
    expect(await matchPackages([pkg('golang', 'golang.org/x/text', 'v0.3.7', 'go.mod')], memorySource(all()), options)).toEqual([]);
  });
});

describe('distro releases', () => {
  const alpineXen = (version: string) => pkg('apk', 'xen', version, 'lib/apk/db/installed');

  it('an Alpine record for v3.11 matches on Alpine 3.11 only', async () => {
    const source = memorySource(all());
    const on = (versionId: string) => matchPackages([alpineXen('4.13.2-r0')], source, { ...options, kind: 'container', image: 'alpine:test', distro: { id: 'alpine', versionId } });
    const found = await on('3.11.6');
    expect(found.map((f) => f.ruleId)).toEqual(['CVE-2021-28687']);
    expect(found[0]).toMatchObject({ kind: 'container', fix: { versions: ['4.13.3-r0'] }, location: { image: 'alpine:test', operatingSystem: 'alpine 3.11.6' } });
    expect(found[0]?.location).not.toHaveProperty('file');
    expect(await on('3.20.3')).toEqual([]);
  });

  it('Ubuntu Pro fixes do not apply to the plain release', async () => {
    const source = memorySource(all());
    const openssl = pkg('deb', 'libssl1.0.0', '1.0.1f-1ubuntu2.27', 'var/lib/dpkg/status', { upstream: 'openssl' });
    const plain = await matchPackages([openssl], source, { ...options, distro: { id: 'ubuntu', versionId: '14.04', version: '14.04.6 LTS, Trusty Tahr' } });
    expect(plain).toEqual([]);
  });

  it('a package without a version is reported, never asked about', async () => {
    const report = await matchPackagesDetailed([pkg('npm', 'lodash', '')], memorySource(all()), options);
    expect(report).toEqual({ findings: [], skipped: [{ subject: 'pkg:npm/lodash', reason: 'no version, so no advisory can be matched' }] });
  });

  it('OS packages without a known release are reported, not guessed', async () => {
    const logger = recordingLogger();
    const report = await matchPackagesDetailed([alpineXen('4.13.2-r0')], memorySource(all()), { ...options, logger });
    expect(report.findings).toEqual([]);
    expect(report.skipped).toEqual([{ subject: 'pkg:apk/alpine/xen@4.13.2-r0', reason: 'apk packages need the distro release (os-release), which is unknown' }]);
  });
});

describe('severity', () => {
  it('falls back to the database rating when no vector can be scored', async () => {
    const source = memorySource(all());
    const unscored = await matchPackages([pkg('pypi', 'requests', '2.30.0')], source, { ...options, cvss: () => undefined });
    expect(unscored[0]?.severity).toBe('medium'); // GHSA MODERATE
    expect(unscored[0]?.help).toMatch(/Severity: GHSA-j8r2-6x86-q33q database severity MODERATE\./);
    const critical = await matchPackages([pkg('pypi', 'requests', '2.30.0')], source, { ...options, cvss: () => 9.8 });
    expect(critical[0]?.severity).toBe('critical');
  });

  it('is unknown when no record rates it', async () => {
    const go = await matchPackages([pkg('golang', 'golang.org/x/text', 'v0.3.6', 'go.mod')], memorySource(all()), options);
    expect(go[0]?.severity).toBe('unknown');
  });
});

describe('injected comparators', () => {
  it('uses the comparator it is given, and reports ranges it cannot evaluate', async () => {
    const report = await matchPackagesDetailed([pkg('npm', 'lodash', '4.17.15')], memorySource(all()), { ...options, comparatorFor: () => undefined });
    expect(report.findings).toEqual([]);
    expect(report.skipped.map((s) => s.reason)).toContain('ranges[0]: no version comparator for ecosystem npm');
  });
});
