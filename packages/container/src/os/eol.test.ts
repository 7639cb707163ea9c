import { recordingLogger } from '@rampart/core';
import { memoryFs } from '@rampart/inventory';
import { describe, expect, it } from 'vitest';
import { detectOs } from './detect.js';
import { eolDate } from './eol.js';

describe('end-of-life table', () => {
  it('keys Debian by major version, Alpine by branch and Ubuntu by release', () => {
    expect(eolDate('debian', '11')).toBe('2026-08-31');
    expect(eolDate('debian', '9.13')).toBe('2022-06-30');
    expect(eolDate('alpine', '3.18.4')).toBe('2025-05-09');
    expect(eolDate('ubuntu', '20.04')).toBe('2025-05-31');
    expect(eolDate('ubuntu', '23.10')).toBeUndefined();
    expect(eolDate('fedora', '39')).toBeUndefined();
  });

  it('warns when support has ended and not the day before', async () => {
    const fs = memoryFs({ 'etc/os-release': 'ID=debian\nVERSION_ID="11"\nPRETTY_NAME="Debian GNU/Linux 11 (bullseye)"\n' });
    const before = recordingLogger();
    expect((await detectOs(fs, new Date('2026-08-31T12:00:00Z'), before))?.eolPassed).toBe(false);
    expect(before.lines).toEqual([]);
    const after = recordingLogger();
    expect(await detectOs(fs, new Date('2026-09-01T00:00:00Z'), after)).toMatchObject({ id: 'debian', eol: '2026-08-31', eolPassed: true });
    expect(after.lines.find((l) => l.level === 'warn')?.message).toContain('Debian GNU/Linux 11 (bullseye): security support ended on 2026-08-31');
  });
});
