import { describe, expect, it } from 'vitest';
import { ecosystemCovers, normalizeName, osvEcosystemFor, osvNameFor, osvVersionFor } from './ecosystem.js';
import { cveNamedBy, identifierFor, preferredId } from './ids.js';

describe('osvEcosystemFor', () => {
  it('maps language ecosystems one to one', () => {
    const table = { npm: 'npm', pypi: 'PyPI', golang: 'Go', cargo: 'crates.io', gem: 'RubyGems', composer: 'Packagist', maven: 'Maven', nuget: 'NuGet' } as const;
    for (const [ours, osv] of Object.entries(table)) {
      expect(osvEcosystemFor(ours as keyof typeof table, undefined)).toEqual({ ecosystem: osv });
    }
  });

  it('scopes OS packages to the scanned release', () => {
    expect(osvEcosystemFor('deb', { id: 'debian', versionId: '12' })).toEqual({ ecosystem: 'Debian:12' });
    expect(osvEcosystemFor('deb', { id: 'debian', codename: 'sid' })).toEqual({ ecosystem: 'Debian:sid' });
    expect(osvEcosystemFor('deb', { id: 'ubuntu', versionId: '22.04', version: '22.04.4 LTS (Jammy Jellyfish)' })).toEqual({ ecosystem: 'Ubuntu:22.04:LTS' });
    expect(osvEcosystemFor('deb', { id: 'ubuntu', versionId: '23.10', version: '23.10 (Mantic Minotaur)' })).toEqual({ ecosystem: 'Ubuntu:23.10' });
    expect(osvEcosystemFor('deb', { id: 'ubuntu', versionId: '24.04' })).toEqual({ ecosystem: 'Ubuntu:24.04:LTS' });
    expect(osvEcosystemFor('apk', { id: 'alpine', versionId: '3.20.3' })).toEqual({ ecosystem: 'Alpine:v3.20' });
    expect(osvEcosystemFor('rpm', { id: 'rocky', versionId: '9.3' })).toEqual({ ecosystem: 'Rocky Linux:9' });
    expect(osvEcosystemFor('rpm', { id: 'almalinux', versionId: '8.10' })).toEqual({ ecosystem: 'AlmaLinux:8' });
  });

  it('gives a reason where OSV cannot answer', () => {
    expect(osvEcosystemFor('deb', undefined)).toHaveProperty('reason', expect.stringMatching(/distro release/));
    expect(osvEcosystemFor('rpm', { id: 'rhel', versionId: '9.4' })).toHaveProperty('reason', expect.stringMatching(/rhel/));
    expect(osvEcosystemFor('apk', { id: 'debian', versionId: '12' })).toHaveProperty('reason');
  });
});

describe('ecosystemCovers', () => {
  it('matches distro records only for the same release', () => {
    expect(ecosystemCovers('Debian:12', 'Debian:12')).toBe(true);
    expect(ecosystemCovers('Debian:11', 'Debian:12')).toBe(false);
    expect(ecosystemCovers('Debian', 'Debian:12')).toBe(true);
    expect(ecosystemCovers('Alpine:v3.11', 'Alpine:v3.20')).toBe(false);
    expect(ecosystemCovers('Ubuntu:Pro:14.04:LTS', 'Ubuntu:14.04:LTS')).toBe(false);
    expect(ecosystemCovers('Ubuntu:22.04:LTS', 'Ubuntu:22.04:LTS')).toBe(true);
  });
  it('ignores a language ecosystem repository suffix', () => {
    expect(ecosystemCovers('Maven:https://maven.google.com', 'Maven')).toBe(true);
    expect(ecosystemCovers('npm', 'PyPI')).toBe(false);
  });
});

describe('names and versions', () => {
  it('normalises PyPI per PEP 503 and NuGet/Packagist case', () => {
    expect(normalizeName('PyPI', 'Zope.Interface')).toBe('zope-interface');
    expect(normalizeName('PyPI', 'typing__extensions')).toBe('typing-extensions');
    expect(normalizeName('NuGet', 'Newtonsoft.Json')).toBe('newtonsoft.json');
    expect(normalizeName('npm', '@Babel/Core')).toBe('@Babel/Core');
    expect(normalizeName('Maven', 'org.apache.logging.log4j:log4j-core')).toBe('org.apache.logging.log4j:log4j-core');
  });
  it('uses the source package of OS packages', () => {
    expect(osvNameFor({ ecosystem: 'deb', name: 'libssl3', purl: 'pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&upstream=openssl%403.0.11-1~deb12u2' })).toBe('openssl');
    expect(osvNameFor({ ecosystem: 'deb', name: 'bash', purl: 'pkg:deb/debian/bash@5.2.15-2' })).toBe('bash');
    expect(osvNameFor({ ecosystem: 'npm', name: '@scope/x', purl: 'pkg:npm/%40scope/x@1.0.0?upstream=y' })).toBe('@scope/x');
  });
  it('drops the v of Go versions only', () => {
    expect(osvVersionFor('golang', 'v0.3.6')).toBe('0.3.6');
    expect(osvVersionFor('npm', 'v1')).toBe('v1');
  });
});

describe('ids', () => {
  it('prefers a CVE, then a GHSA, then the smallest id', () => {
    expect(preferredId(['GHSA-j8r2-6x86-q33q', 'PYSEC-2023-74', 'cve-2023-32681'])).toBe('CVE-2023-32681');
    expect(preferredId(['PYSEC-2023-74', 'GHSA-J8R2-6X86-Q33Q'])).toBe('GHSA-j8r2-6x86-q33q');
    expect(preferredId(['PYSEC-2023-74', 'OSV-2023-1'])).toBe('OSV-2023-1');
    expect(preferredId(['CVE-2021-9999', 'CVE-2020-8203'])).toBe('CVE-2020-8203');
  });
  it('gives each id a type and a url', () => {
    expect(identifierFor('CVE-2020-8203')).toEqual({ type: 'cve', value: 'CVE-2020-8203', url: 'https://nvd.nist.gov/vuln/detail/CVE-2020-8203' });
    expect(identifierFor('GHSA-p6mc-m468-83gw')).toEqual({ type: 'ghsa', value: 'GHSA-p6mc-m468-83gw', url: 'https://github.com/advisories/GHSA-p6mc-m468-83gw' });
    expect(identifierFor('GO-2021-0113')).toEqual({ type: 'osv', value: 'GO-2021-0113', url: 'https://osv.dev/vulnerability/GO-2021-0113' });
    expect(cveNamedBy('DEBIAN-CVE-2023-4911')).toBe('CVE-2023-4911');
    expect(cveNamedBy('DSA-5514-1')).toBeUndefined();
  });
});
