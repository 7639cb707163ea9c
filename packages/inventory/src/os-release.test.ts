import { describe, expect, it } from 'vitest';
import { memoryFs } from './fs/memory.js';
import { distroQualifier, parseOsReleaseText, readOsRelease } from './os-release.js';

describe('os-release', () => {
  it('parses quoted, single-quoted and escaped values and ignores comments and junk', () => {
    const fields = parseOsReleaseText('# c\nID=ubuntu\nPRETTY_NAME="Ubuntu \\"Noble\\" 24.04"\nVERSION_CODENAME=\'noble\'\nnot a line\n');
    expect(fields.get('ID')).toBe('ubuntu');
    expect(fields.get('PRETTY_NAME')).toBe('Ubuntu "Noble" 24.04');
    expect(fields.get('VERSION_CODENAME')).toBe('noble');
    expect(fields.size).toBe(3);
  });

  it('prefers etc/os-release, falls back to usr/lib/os-release, and gives the distro qualifier', async () => {
    const both = memoryFs({ 'etc/os-release': 'ID=debian\nVERSION_ID="12"\n', 'usr/lib/os-release': 'ID=other\n' });
    expect(distroQualifier(await readOsRelease(both))).toBe('debian-12');
    const fallback = memoryFs({ 'usr/lib/os-release': 'ID=debian\nVERSION_CODENAME=trixie\n' });
    expect(distroQualifier(await readOsRelease(fallback))).toBe('debian-trixie');
    expect(await readOsRelease(memoryFs({ 'etc/os-release': 'NAME=nothing\n' }))).toBeUndefined();
  });
});
